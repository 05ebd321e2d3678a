import Foundation
import JoinupTestSupport
import Testing

/// Another user's cache, readable but not writable: the reading commands work, doctor calls it
/// healthy and read-only, writing commands and unwritable folders say in one line what to change.
///
/// Tests run as root, whom permission bits do not stop: the binary then runs as nobody through
/// `setpriv`. Run as another user, it runs directly and the bits apply to it.
@Suite(.timeLimit(.minutes(2)))
struct ReadOnlyCacheTests {
    static let setpriv = "/usr/bin/setpriv"
    static let asRoot = getuid() == 0

    let folder: TemporaryFolder
    var data: String { folder.path("data") }

    init() throws {
        folder = try TemporaryFolder()
    }

    /// The built joinup run as a user who does not own the files.
    private func asAnotherUser(_ arguments: [String], environment: [String: String] = [:]) throws -> CommandResult {
        let environment = ["HOME": folder.path("home")].merging(environment) { $1 }
        if Self.asRoot {
            return try runCommand(Self.setpriv, ["--reuid=65534", "--regid=65534", "--clear-groups", builtBinary("joinup")] + arguments,
                                  environment: environment)
        }
        return try runCommand(builtBinary("joinup"), arguments, environment: environment)
    }

    private var paths: [String] { ["--data-dir", data, "--config-dir", folder.path("config")] }

    /// A cache made by its owner, closed cleanly (no -wal or -shm left, as after `sqlite3` or a
    /// clean exit), then made read-only: 0444 file in a 0555 folder.
    private func readOnlyCache() throws -> [String: String] {
        var outputs: [String: String] = [:]
        for command in ["items", "topics", "members", "about"] {
            let result = try runCommand(builtBinary("joinup"), [command] + paths, environment: ["HOME": folder.path("home")])
            try #require(result.status == 0, "\(command): \(result.stderr)")
            outputs[command] = result.stdout
        }
        let close = try runCommand("/usr/bin/env", ["sqlite3", data + "/joinup.sqlite", "PRAGMA wal_checkpoint(TRUNCATE)"])
        try #require(close.status == 0, "sqlite3: \(close.stderr)")
        try #require(!FileManager.default.fileExists(atPath: data + "/joinup.sqlite-shm"), "sqlite3 left the -shm")
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: data + "/joinup.sqlite")
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: data)
        return outputs
    }

    private func restoreModes() {
        try? FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: data)
    }

    @Test(.enabled(if: !asRoot || FileManager.default.isExecutableFile(atPath: setpriv), "setpriv (util-linux) is needed to drop root"))
    func readingCommandsWorkAndDoctorCallsItHealthyButReadOnly() throws {
        let owners = try readOnlyCache()
        defer { restoreModes() }
        for (command, expected) in owners {
            let result = try asAnotherUser([command] + paths)
            #expect(result.status == 0, "\(command): \(result.stderr)")
            #expect(result.stdout == expected, "\(command) printed other output: \(result.stdout.prefix(200))")
        }
        let doctor = try asAnotherUser(["doctor"] + paths)
        #expect(doctor.status == 0, "\(doctor.stdout)")
        #expect(doctor.stdout.contains("Status: ok, read-only"), "\(doctor.stdout)")
        #expect(doctor.stdout.contains("Integrity: ok"), "\(doctor.stdout)")
        #expect(!FileManager.default.fileExists(atPath: data + "/joinup.sqlite-wal"), "a reader created files in the folder")
    }

    @Test(.enabled(if: !asRoot || FileManager.default.isExecutableFile(atPath: setpriv), "setpriv (util-linux) is needed to drop root"))
    func theBrowserOpensItReadOnlyAndSaysSo() throws {
        _ = try readOnlyCache()
        defer { restoreModes() }
        let prefix = Self.asRoot ? "\(Self.setpriv) --reuid=65534 --regid=65534 --clear-groups " : ""
        let tmux = try TmuxSession.joinup(in: folder, prefix: prefix)
        try tmux.waitFor("Read-only cache")
        try tmux.waitFor("Open Source Programme Office")
        try tmux.send("q")
        try tmux.waitFor("EXIT=0")
        // The lock file was made by the owner's own runs (it is never removed); the browser made nothing.
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: data)) == ["joinup.sqlite", "joinup.sqlite.lock"])
    }

    @Test(.enabled(if: !asRoot || FileManager.default.isExecutableFile(atPath: setpriv), "setpriv (util-linux) is needed to drop root"))
    func aWritingCommandAndAnUnwritableFolderEachSayInOneLineWhatToChange() throws {
        _ = try readOnlyCache()
        defer { restoreModes() }
        let remote = try RemoteProcess(data: fixtureFolder, folder: folder)
        defer { remote.server.stop() }
        let sync = try asAnotherUser(["sync", "--remote", remote.base] + paths)
        #expect(sync.status == 1)
        #expect(sync.stderr.split(separator: "\n").count == 1, "\(sync.stderr)")
        for part in ["joinup: read-only", data + "/joinup.sqlite", "--data-dir", "JOINUP_DATA_DIR"] {
            #expect(sync.stderr.contains(part), "\(part) missing: \(sync.stderr)")
        }

        // The default place under XDG_DATA_HOME, in a folder this user cannot write.
        let xdg = folder.path("xdg")
        try FileManager.default.createDirectory(atPath: xdg, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o555])
        let items = try asAnotherUser(["items", "--config-dir", folder.path("config")],
                                      environment: ["XDG_DATA_HOME": xdg, "JOINUP_DATA_DIR": ""])
        #expect(items.status == 1)
        #expect(items.stderr.split(separator: "\n").count == 1, "\(items.stderr)")
        for part in [xdg + "/joinup", "--data-dir", "JOINUP_DATA_DIR", "XDG_DATA_HOME"] {
            #expect(items.stderr.contains(part), "\(part) missing: \(items.stderr)")
        }
        #expect(!items.stderr.contains("NSCocoaErrorDomain"), "\(items.stderr)")
    }
}
