import Foundation
import JoinupCache
import JoinupModel
import JoinupSync
import JoinupTestSupport
import Testing

/// The outbox across a remote that is down and a client that restarts, with the real binaries.
@Suite struct OutboxFaultTests {
    /// `joinup` with this test's folders; JOINUP_REMOTE unset, stdin closed (no terminal).
    func joinup(_ folder: TemporaryFolder, _ arguments: [String]) throws -> CommandResult {
        try runCommand(builtBinary("joinup"), arguments + ["--data-dir", folder.path("data"), "--config-dir", folder.path("config")])
    }

    @Test func joinWhileTheRemoteIsDownIsDeliveredOnceAfterARestart() async throws {
        let folder = try TemporaryFolder()
        let state = folder.url.appendingPathComponent("remote-state")
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        try membershipUsers.write(to: state.appendingPathComponent("users.json"), atomically: true, encoding: .utf8)
        let ospo = "ec-open-source-programme-office"

        // A first run of the remote gives the client its collections and a port (127.0.0.1, picked by the system).
        let first = try RemoteProcess(data: fixtureFolder, extra: ["--state-dir", state.path], folder: folder)
        let base = first.base
        let port = try #require(URL(string: base)?.port)
        #expect(try joinup(folder, ["sync", "--remote", base]).status == 0)
        try "t-ana\n".write(toFile: folder.path("token"), atomically: true, encoding: .utf8)
        #expect(try joinup(folder, ["login", "--token-file", folder.path("token"), "--remote", base]).status == 0)
        first.server.stop()

        // The remote is down: the join is kept, exit 3.
        let queued = try joinup(folder, ["join", ospo, "--yes", "--remote", base])
        #expect(queued.status == 3, "\(queued.stderr)")
        #expect(queued.stderr.contains("joinup: join queued — will be sent when the remote is reachable"))
        let listing = try joinup(folder, ["outbox"])
        #expect(listing.stdout.contains("join\t\(ospo)\tattempts 1"))

        // The remote comes back on the same address with its state; a new client process retries.
        let second = try RemoteProcess(data: fixtureFolder, extra: ["--state-dir", state.path, "--port", "\(port)"], folder: folder)
        defer { second.server.stop() }
        #expect(second.base == base)
        let retried = try joinup(folder, ["outbox", "--retry", "--remote", base])
        #expect(retried.status == 0, "\(retried.stderr)")
        #expect(retried.stdout.contains("You are now a member of EC Open Source Programme Office."))
        #expect(try joinup(folder, ["outbox"]).stdout.contains("The outbox is empty."))
        // Exactly one POST reached the server, and it changed it once.
        #expect(second.requests().filter { $0.hasPrefix("POST /collection/\(ospo)/join") }.count == 1)
        let ledger = try JSONSerialization.jsonObject(with: Data(contentsOf: state.appendingPathComponent("ledger.json"))) as? [String: Any]
        #expect(ledger?["changes"] as? Int == 1)
        let members = try joinup(folder, ["members", "--collection", ospo])
        #expect(members.stdout.components(separatedBy: "Ana Novak").count - 1 == 1)
    }

    @Test func aRetryAfterALostAnswerIsDeduplicatedByItsKey() async throws {
        let folder = try TemporaryFolder()
        let state = folder.url.appendingPathComponent("remote-state")
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        try membershipUsers.write(to: state.appendingPathComponent("users.json"), atomically: true, encoding: .utf8)
        let remote = try RemoteProcess(data: fixtureFolder, extra: ["--state-dir", state.path], folder: folder)
        defer { remote.server.stop() }
        let cache = try CacheDatabase(path: folder.path("cache.sqlite"))
        _ = await SyncEngine(layout: try #require(RemoteLayout(base: remote.base)), cache: cache).sync()
        let collection = try #require(try cache.collection(named: "cybersecurity-working-group"))
        let action = try cache.enqueue(MembershipRequest(collectionAlias: collection.alias, collectionURI: collection.uri,
                                                         collectionTitle: collection.title, kind: .join))
        // The request reached the server but its answer was lost: the outbox still holds it.
        let url = try #require(URL(string: remote.base + "/collection/\(collection.alias)/join"))
        #expect(try await HTTPClient().send("POST", url, headers: ["Authorization": "Bearer t-ana",
                                                                    "Idempotency-Key": action.idempotencyKey]).status == 200)
        let results = await OutboxDelivery(cache: cache, remote: remote.base, credentials: Credentials(token: "t-ana", user: nil, origin: remote.base)).deliver()
        #expect(results.map(\.outcome) == [.joinPending])
        #expect(try cache.pendingActions().isEmpty)
        let ledger = try JSONSerialization.jsonObject(with: Data(contentsOf: state.appendingPathComponent("ledger.json"))) as? [String: Any]
        #expect(ledger?["changes"] as? Int == 1, "the retry was answered from the stored answer")
    }
}
