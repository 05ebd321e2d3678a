import Foundation
import JoinupTestSupport
import Testing

/// The browser and `joinup sync` on the same data folder at once, as separate processes.
@Suite(.serialized) struct ConcurrentAccessTests {
    @Test func aSyncInAnotherProcessShowsUpInTheOpenBrowserWithoutAKey() throws {
        let folder = try TemporaryFolder()
        let remote = try SyncEndToEndTests.remoteWithANewItem(in: folder)
        let session = try TmuxSession.joinup(in: folder)
        var screen = try session.waitFor("ICT (8)")
        #expect(!screen.contains(SyncEndToEndTests.newTitle))

        let sync = try runCommand(builtBinary("joinup"), [
            "sync", "--remote", remote.base, "--collection", "ec-open-source-programme-office",
            "--data-dir", folder.path("data"), "--config-dir", folder.path("config"),
        ])
        #expect(sync.status == 0, "\(sync.stderr)")
        #expect(!sync.stderr.contains("locked"))
        // No key is pressed: the browser must notice the other process's commit by itself.
        screen = try session.waitFor(SyncEndToEndTests.newTitle)
        #expect(screen.contains("ICT (9)") && screen.contains("9 items"), "\(screen)")
        #expect(!screen.lowercased().contains("locked") && !screen.contains("Cache error"), "\(screen)")
        try session.send("q")
        #expect(try session.waitFor("EXIT=").contains("EXIT=0"))
    }

    @Test func syncsAndReadersSharingAFolderNeverSeeALockedDatabase() async throws {
        let folder = try TemporaryFolder()
        // Big enough that each sync's write transaction lasts a while.
        let remote = try RemoteProcess(extra: ["--generate", "20000"], folder: folder)
        let remoteFewer = try RemoteProcess(extra: ["--generate", "15000"], folder: folder)
        let data = folder.path("data")
        let common = ["--data-dir", data, "--config-dir", folder.path("config")]
        _ = try runCommand(builtBinary("joinup"), ["about"] + common)

        // Two syncs of different versions (both write everything) and a reader, all at once.
        let results = ResultBox()
        let group = DispatchGroup()
        for base in [remote.base, remoteFewer.base] {
            DispatchQueue.global().async(group: group) {
                results.add("sync", Result { try runCommand(builtBinary("joinup"), ["sync", "--remote", base] + common) })
            }
        }
        DispatchQueue.global().async(group: group) {
            for _ in 0..<10 {
                results.add("items", Result { try runCommand(builtBinary("joinup"), ["items", "--limit", "5"] + common) })
            }
        }
        let finished = try await runBlocking { group.wait(timeout: .now() + 240) == .success }
        #expect(finished)
        for (name, result) in results.all {
            let output = try result.get()
            #expect(output.status == 0, "\(name): \(output.stderr)")
            #expect(!output.stderr.contains("locked"), "\(name): \(output.stderr)")
        }
        let doctor = try runCommand(builtBinary("joinup"), ["doctor"] + common)
        #expect(doctor.status == 0 && doctor.stdout.contains("Integrity: ok"), "\(doctor.stdout)")
    }
}

/// Results collected from several threads.
private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [(String, Result<CommandResult, any Error>)] = []

    func add(_ name: String, _ result: Result<CommandResult, any Error>) { lock.withLock { results.append((name, result)) } }
    var all: [(String, Result<CommandResult, any Error>)] { lock.withLock { results } }
}
