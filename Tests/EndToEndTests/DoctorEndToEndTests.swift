import Foundation
import JoinupTestSupport
import Testing

/// A broken or newer cache file: every command says so in one line and names the way out.
@Suite struct DoctorEndToEndTests {
    private func joinup(_ folder: TemporaryFolder, _ arguments: [String]) throws -> CommandResult {
        try runCommand(builtBinary("joinup"), arguments + ["--data-dir", folder.path("data"), "--config-dir", folder.path("config")],
                       environment: ["HOME": folder.path("home")])
    }

    private func cacheFile(_ folder: TemporaryFolder) -> String { folder.path("data") + "/joinup.sqlite" }

    @Test func aGarbageCacheGetsOneLineNamingDoctorAndResetMovesItAside() throws {
        let folder = try TemporaryFolder()
        _ = try joinup(folder, ["about"])
        try Data("this is not a database, just text that took its place\n".utf8).write(to: URL(fileURLWithPath: cacheFile(folder)))

        for command in ["items", "about", "members", "topics"] {
            let result = try joinup(folder, [command])
            #expect(result.status == 1, "\(command): \(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1 && result.stderr.contains("joinup doctor --reset-cache"),
                    "\(command): \(result.stderr)")
        }
        let doctor = try joinup(folder, ["doctor"])
        #expect(doctor.status == 1)
        #expect(doctor.stdout.contains("Status: broken: the file is not an SQLite database"), "\(doctor.stdout)")
        #expect(doctor.stdout.contains(cacheFile(folder)))

        let reset = try joinup(folder, ["doctor", "--reset-cache"])
        #expect(reset.status == 0, "\(reset.stderr)")
        let moved = try #require(reset.stdout.split(separator: "\n").first { $0.hasPrefix("Moved the old cache to ") })
        let aside = String(moved.dropFirst("Moved the old cache to ".count))
        #expect(try String(contentsOfFile: aside, encoding: .utf8).hasPrefix("this is not a database"))
        let after = try joinup(folder, ["items", "--no-header"])
        #expect(after.status == 0 && after.stdout.split(separator: "\n").count == 8, "the fresh cache opens the embedded snapshot")
        #expect(try joinup(folder, ["doctor"]).stdout.contains("Integrity: ok"))
    }

    @Test func aCacheFromANewerJoinupIsRefusedUntouched() throws {
        let folder = try TemporaryFolder()
        _ = try joinup(folder, ["about"])
        let sqlite = try runCommand("/usr/bin/env", ["sqlite3", cacheFile(folder),
                                                     "INSERT INTO grdb_migrations VALUES ('v99-from-the-future')"])
        #expect(sqlite.status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: cacheFile(folder)))
        let items = try joinup(folder, ["items"])
        #expect(items.status == 1 && items.stderr.contains("newer version of joinup"), "\(items.stderr)")
        let doctor = try joinup(folder, ["doctor"])
        #expect(doctor.status == 1 && doctor.stdout.contains("v99-from-the-future"), "\(doctor.stdout)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: cacheFile(folder))) == before)
    }

    @Test func theBrowserRefusesABrokenCacheBeforeTakingTheScreen() throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.path("data"), withIntermediateDirectories: true)
        try Data(repeating: 0x5A, count: 10_000).write(to: URL(fileURLWithPath: cacheFile(folder)))
        let session = try TmuxSession.joinup(in: folder)
        let screen = try session.waitFor("EXIT=").replacingOccurrences(of: "\n", with: "")
        #expect(screen.contains("EXIT=1") && screen.contains("joinup doctor"), "\(screen)")
    }
}
