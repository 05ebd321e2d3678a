import Foundation
import JoinupTestSupport
import Testing

/// A sync that fills the disk: on a real file system that is full (a small tmpfs mounted for the
/// test, unmounted after) or past a file-size limit (`ulimit -f`, no privilege needed), the old
/// cache must survive, the message must be one line naming the file and the setting to change,
/// and the write-ahead log must not keep the disk full.
@Suite(.serialized, .timeLimit(.minutes(2)))
struct DiskFullTests {
    /// Mounting needs root (CAP_SYS_ADMIN); the project's test machines run as root.
    static let canMount = getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/bin/mount")

    @Test(.enabled(if: canMount, "mounting a tmpfs needs root"))
    func aSyncOnAFullDiskKeepsTheOldCacheSaysSoInOneLineAndFreesTheLog() throws {
        let folder = try TemporaryFolder()
        let disk = folder.path("disk")
        try FileManager.default.createDirectory(atPath: disk, withIntermediateDirectories: true)
        let mount = try runCommand("/bin/mount", ["-t", "tmpfs", "-o", "size=6m", "tmpfs", disk])
        try #require(mount.status == 0, "mount: \(mount.stderr)")
        defer { _ = try? runCommand("/bin/umount", [disk]) }

        try expectARefusedSyncKeepsTheCache(folder: folder, data: disk + "/data", mentioning: "Disk full") { sync in
            // Leave 600 KB free; the 2,000 generated items need about 3 MB.
            let free = try #require(try FileManager.default.attributesOfFileSystem(forPath: disk)[.systemFreeSize] as? NSNumber).intValue
            try Data(count: max(0, free - 600 << 10)).write(to: URL(fileURLWithPath: disk + "/filler"))
            return try runCommand(builtBinary("joinup"), sync, environment: ["HOME": folder.path("home")])
        }
    }

    @Test func aSyncPastAFileSizeLimitKeepsTheOldCacheSaysSoInOneLineAndFreesTheLog() throws {
        let folder = try TemporaryFolder()
        let data = folder.path("data")
        try expectARefusedSyncKeepsTheCache(folder: folder, data: data, mentioning: "file-size limit") { sync in
            // Files may grow 600 KB past the cache's size; SIGXFSZ ignored, so a write past it fails with EFBIG.
            let size = try #require(try FileManager.default.attributesOfItem(atPath: data + "/joinup.sqlite")[.size] as? NSNumber).intValue
            let blocks = (size + 600 << 10) / 512  // sh counts `ulimit -f` in 512-byte blocks
            return try runCommand("/bin/sh", ["-c", "ulimit -f \(blocks); trap '' XFSZ; exec \"$0\" \"$@\"", builtBinary("joinup")] + sync,
                                  environment: ["HOME": folder.path("home")])
        }
    }

    /// Imports the embedded snapshot into `data`, runs `refusedSync` (given the arguments of a
    /// 2,000-item sync from `joinup-remote --generate`) and checks what it left.
    private func expectARefusedSyncKeepsTheCache(folder: TemporaryFolder, data: String, mentioning cause: String,
                                                 _ refusedSync: ([String]) throws -> CommandResult) throws {
        let cache = data + "/joinup.sqlite"
        func joinup(_ arguments: [String]) throws -> CommandResult {
            try runCommand(builtBinary("joinup"), arguments + ["--data-dir", data, "--config-dir", folder.path("config")],
                           environment: ["HOME": folder.path("home")])
        }
        let before = try joinup(["items", "--json"])  // the embedded snapshot, a few hundred KB
        #expect(before.status == 0, "\(before.stderr)")

        let remote = try ServerProcess(executable: builtBinary("joinup-remote"), arguments: ["--port", "0", "--generate", "2000"],
                                       folder: folder)
        defer { remote.stop() }
        let sync = try refusedSync(["sync", "--remote", remote.base, "--data-dir", data, "--config-dir", folder.path("config")])
        #expect(sync.status == 1, "\(sync.stdout) \(sync.stderr)")
        let lines = sync.stderr.split(separator: "\n")
        #expect(lines.count == 1, "one line: \(sync.stderr)")
        let line = String(lines.first ?? "")
        for part in [cause, cache, "--data-dir", "JOINUP_DATA_DIR"] {
            #expect(line.contains(part), "\(part) missing: \(line)")
        }
        #expect(!line.contains("INSERT") && !line.contains("executing"), "raw SQL: \(line)")

        let log = (try? FileManager.default.attributesOfItem(atPath: cache + "-wal")[.size] as? NSNumber)?.intValue ?? 0
        #expect(log < 64 << 10, "the write-ahead log still holds \(log) bytes")
        let after = try joinup(["items", "--json"])
        #expect(after.status == 0 && after.stdout == before.stdout, "the old cache changed: \(after.stderr)")
        #expect(try joinup(["doctor"]).stdout.contains("Integrity: ok"))
    }
}
