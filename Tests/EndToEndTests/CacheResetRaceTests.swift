import Foundation
#if canImport(Glibc)
import Glibc
#endif
import JoinupTestSupport
import Testing

/// `joinup doctor --reset-cache` beside live joinup processes, and on a full disk: nothing the
/// user queued is ever lost, and the active cache is never an empty file.
@Suite(.serialized) struct CacheResetRaceTests {
    static let ospo = "ec-open-source-programme-office"

    private func joinup(_ folder: TemporaryFolder, _ arguments: [String]) throws -> CommandResult {
        try runCommand(builtBinary("joinup"), arguments + ["--data-dir", folder.path("data"), "--config-dir", folder.path("config")],
                       environment: ["HOME": folder.path("home")])
    }

    private func cacheFile(_ folder: TemporaryFolder) -> String { folder.path("data") + "/joinup.sqlite" }

    private func inode(_ path: String) -> UInt64? {
        var info = stat()
        return stat(path, &info) == 0 ? UInt64(info.st_ino) : nil
    }

    private func dataFiles(_ folder: TemporaryFolder) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path("data"))) ?? []).sorted()
    }

    /// The queued requests `joinup outbox` lists, one line each.
    private func outboxLines(_ folder: TemporaryFolder) throws -> [Substring] {
        let outbox = try joinup(folder, ["outbox"])
        #expect(outbox.status == 0, "\(outbox.stderr)")
        return outbox.stdout.split(separator: "\n").filter { !$0.hasPrefix("The outbox is empty") }
    }

    @Test func aResetWhileTheBrowserHasTheCacheOpenIsRefusedAndNamesIt() throws {
        let folder = try TemporaryFolder()
        let session = try TmuxSession.joinup(in: folder)
        try session.waitFor("ICT (8)")
        let browser = try TerminalEdgeCaseTests.browserPID(session)
        let before = inode(cacheFile(folder))

        let refused = try joinup(folder, ["doctor", "--reset-cache"])
        #expect(refused.status == 1, "\(refused.stdout)\(refused.stderr)")
        #expect(refused.stderr.contains("PID \(browser)") && refused.stderr.contains("joinup"), "\(refused.stderr)")
        #expect(refused.stderr.contains("nothing was changed"), "\(refused.stderr)")
        #expect(inode(cacheFile(folder)) == before, "the file the browser has open stays where it is")
        #expect(!dataFiles(folder).contains { $0.contains(".broken-") }, "\(dataFiles(folder))")

        // The browser still works on the same file, and a join it queues is where `joinup outbox` looks.
        try session.send("J")
        try session.waitFor("joinup login")
        try session.send("Enter")
        try session.waitFor("1 action waiting")
        #expect(try outboxLines(folder).count == 1)
        try session.send("q")
        #expect(try session.waitFor("EXIT=").contains("EXIT=0"))

        let reset = try joinup(folder, ["doctor", "--reset-cache"])
        #expect(reset.status == 0, "\(reset.stderr)")
        #expect(reset.stdout.contains("Moved the old cache to ") && reset.stdout.contains("Kept 1 row(s) of outbox"), "\(reset.stdout)")
        #expect(try outboxLines(folder).count == 1, "the queued join survives the reset")
    }

    @Test func aCacheFileReplacedUnderTheBrowserStopsItWithAMessage() throws {
        let folder = try TemporaryFolder()
        let session = try TmuxSession.joinup(in: folder)
        try session.waitFor("ICT (8)")
        // Another program (an older joinup, a file manager) ignores the lock and swaps the file.
        try FileManager.default.moveItem(atPath: cacheFile(folder), toPath: cacheFile(folder) + ".moved")
        try FileManager.default.copyItem(atPath: cacheFile(folder) + ".moved", toPath: cacheFile(folder))
        let screen = try session.waitFor("EXIT=").replacingOccurrences(of: "\n", with: "")
        #expect(screen.contains("EXIT=1") && screen.contains("was replaced"), "\(screen)")
    }

    @Test func resetsRacingJoinsAndLeavesNeverLoseAQueuedRequest() async throws {
        let folder = try TemporaryFolder()
        _ = try joinup(folder, ["about"])
        let outcome = try await runBlocking { () -> (queued: Int, resets: [Int32]) in
            let done = Flag()
            let resets = StatusBox()
            let resetter = Thread {
                while !done.isSet {
                    if let result = try? self.joinup(folder, ["doctor", "--reset-cache"]) { resets.add(result.status) }
                }
            }
            resetter.start()
            var queued = 0
            // Alternating join and leave: each is a new outbox row (a repeat of the last one is not).
            for round in 0..<40 {
                let result = try self.joinup(folder, [round % 2 == 0 ? "join" : "leave", Self.ospo, "--yes", "--remote", "http://127.0.0.1:9"])
                if result.status == 3 { queued += 1 }
                Thread.sleep(forTimeInterval: 0.03)
            }
            done.set()
            while !resetter.isFinished { Thread.sleep(forTimeInterval: 0.02) }
            return (queued, resets.all)
        }
        #expect(outcome.queued == 40, "every join and leave was queued (exit 3)")
        #expect(outcome.resets.contains(0), "at least one reset ran between them: \(outcome.resets)")
        #expect(try outboxLines(folder).count == outcome.queued,
                "every queued request is in the active cache after \(outcome.resets.filter { $0 == 0 }.count) resets")
    }

    @Test func aResetOnAFullDiskKeepsTheOldCacheInPlace() throws {
        let folder = try TemporaryFolder()
        let queued = try joinup(folder, ["join", Self.ospo, "--yes", "--remote", "http://127.0.0.1:9"])
        #expect(queued.status == 3, "\(queued.stderr)")
        let before = try Data(contentsOf: URL(fileURLWithPath: cacheFile(folder)))
        let beforeInode = inode(cacheFile(folder))

        // Files may grow to 8 blocks (4 KiB in dash): a fresh cache cannot be written. SIGXFSZ is
        // ignored so a write past the limit fails with EFBIG, as on a full disk, instead of killing.
        let words = [builtBinary("joinup"), "doctor", "--reset-cache", "--data-dir", folder.path("data"),
                     "--config-dir", folder.path("config")]
        let full = try runCommand("/bin/sh", ["-c", "trap '' XFSZ; ulimit -f 8; exec " + words.map(shellQuoted).joined(separator: " ")],
                                  environment: ["HOME": folder.path("home")])
        #expect(full.status == 1, "\(full.stdout)\(full.stderr)")
        #expect(full.stderr.contains("kept in place") && full.stderr.contains(cacheFile(folder)), "\(full.stderr)")
        #expect(full.stderr.split(separator: "\n").count == 1, "\(full.stderr)")

        #expect(inode(cacheFile(folder)) == beforeInode)
        #expect(try Data(contentsOf: URL(fileURLWithPath: cacheFile(folder))) == before, "the old cache is untouched")
        // Nothing half-written is left: no fresh file, nothing moved aside (SQLite's own -wal and
        // -shm, which any reader of a WAL file creates, and the lock file may be there).
        let files = Set(dataFiles(folder)).subtracting(["joinup.sqlite-wal", "joinup.sqlite-shm", "joinup.sqlite.lock"])
        #expect(files == ["joinup.sqlite"], "\(files)")
        #expect(try outboxLines(folder).count == 1, "the queued join is still there")
    }
}

/// A flag set by one thread and read by another.
private final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.withLock { value = true } }
    var isSet: Bool { lock.withLock { value } }
}

/// Exit statuses collected from another thread.
private final class StatusBox: @unchecked Sendable {
    private let lock = NSLock()
    private var statuses: [Int32] = []
    func add(_ status: Int32) { lock.withLock { statuses.append(status) } }
    var all: [Int32] { lock.withLock { statuses } }
}
