import Foundation
import JoinupCache
import JoinupModel
import JoinupSync
import JoinupTestSupport
import Testing

/// Accounts the tests' `joinup-remote` knows (users.json in its state folder).
let membershipUsers = """
    {"users": [
      {"token": "t-ana", "id": "u-ana", "name": "Ana Novak", "business_title": "Tester", "organisation": "Test agency"},
      {"token": "t-blocked", "id": "u-blocked", "name": "Bo Blocked", "blocked": true},
      {"token": "t-owner", "id": "u-9c4d-1", "name": "Dragoș Ionescu"}
    ]}
    """

/// Join and leave against a real `joinup-remote` process serving the fixtures (read-only) with a
/// temporary state folder: Joinup's membership rules, end to end over HTTP.
@Suite struct MembershipIntegrationTests {
    static let ospo = "ec-open-source-programme-office"
    static let cyber = "cybersecurity-working-group"

    /// The fixtures served with join/leave on, synced into a fresh cache.
    struct Setup {
        let folder: TemporaryFolder
        let state: URL
        let remote: RemoteProcess
        let cache: CacheDatabase

        func uri(_ alias: String) throws -> String { try #require(try cache.collection(named: alias)).uri }

        /// Queues `kind` for `alias` and delivers it with `token`.
        func deliver(_ kind: MembershipActionKind, _ alias: String, token: String?) async throws -> DeliveryResult {
            let collection = try #require(try cache.collection(named: alias))
            let action = try cache.enqueue(MembershipRequest(collectionAlias: alias, collectionURI: collection.uri,
                                                             collectionTitle: collection.title, kind: kind))
            let results = await OutboxDelivery(cache: cache, client: HTTPClient(limits: HTTPClientLimits(requestTimeout: 5)),
                                               remote: remote.base,
                                               credentials: token.map { Credentials(token: $0, user: nil, origin: remote.base) }).deliver()
            return try #require(results.first { $0.action.id == action.id })
        }

        /// The members document as served now, and its ETag.
        func servedMembers(_ alias: String) async throws -> (names: [String], etag: String?) {
            let url = try #require(URL(string: remote.base + "/collection/\(alias)/members?_format=json"))
            guard case let .ok(body, etag, _) = try await HTTPClient().get(url) else { throw ProcessError.timedOut("no members") }
            return (try MembersJSONParser.parse(body).filter { $0.state == .active }.map(\.name), etag)
        }

        /// The server's ledger: how many requests changed a membership.
        func ledgerChanges() throws -> Int {
            let data = try Data(contentsOf: state.appendingPathComponent("ledger.json"))
            return try #require((try JSONSerialization.jsonObject(with: data) as? [String: Any])?["changes"] as? Int)
        }
    }

    /// The fixtures served (read-only) with join/leave on, the state folder holding `membershipUsers`.
    static func remoteWithMemberships(in folder: TemporaryFolder) throws -> (state: URL, remote: RemoteProcess) {
        let state = folder.url.appendingPathComponent("remote-state")
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        try membershipUsers.write(to: state.appendingPathComponent("users.json"), atomically: true, encoding: .utf8)
        return (state, try RemoteProcess(data: fixtureFolder, extra: ["--state-dir", state.path], folder: folder))
    }

    static func setup() async throws -> Setup {
        let folder = try TemporaryFolder()
        let (state, remote) = try remoteWithMemberships(in: folder)
        let cache = try CacheDatabase(path: folder.path("cache.sqlite"))
        let report = await SyncEngine(layout: try #require(RemoteLayout(base: remote.base)), cache: cache).sync()
        #expect(report.succeeded)
        return Setup(folder: folder, state: state, remote: remote, cache: cache)
    }

    @Test func joiningAnOpenCollectionMakesAnActiveMemberCountedInMembers() async throws {
        let setup = try await Self.setup()
        let uri = try setup.uri(Self.ospo)
        let before = try setup.cache.header(collectionURI: uri).memberCount
        let (_, etagBefore) = try await setup.servedMembers(Self.ospo)
        let result = try await setup.deliver(.join, Self.ospo, token: "t-ana")
        #expect(result.outcome == .joined)
        #expect(result.message == "You are now a member of EC Open Source Programme Office.")
        #expect(try setup.cache.pendingActions().isEmpty)
        #expect(try setup.cache.myMembership(collectionURI: uri) == .active)
        // The delivery re-synced the collection: Members and the count include the new member.
        let header = try setup.cache.header(collectionURI: uri)
        #expect(header.membership == .active)
        #expect(header.memberCount == before + 1)
        #expect(try setup.cache.members(collectionURI: uri).contains { $0.name == "Ana Novak" && $0.organisation == "Test agency" })
        let (names, etagAfter) = try await setup.servedMembers(Self.ospo)
        #expect(names.filter { $0 == "Ana Novak" }.count == 1)
        #expect(etagAfter != etagBefore)

        let left = try await setup.deliver(.leave, Self.ospo, token: "t-ana")
        #expect(left.outcome == .left)
        #expect(left.message == "You are no longer a member of EC Open Source Programme Office.")
        #expect(try setup.cache.header(collectionURI: uri).memberCount == before)
        #expect(try setup.cache.myMembership(collectionURI: uri) == MyMembership.none)
    }

    @Test func joiningAClosedCollectionWaitsForApproval() async throws {
        let setup = try await Self.setup()
        let uri = try setup.uri(Self.cyber)
        let result = try await setup.deliver(.join, Self.cyber, token: "t-ana")
        #expect(result.outcome == .joinPending)
        #expect(result.message.hasSuffix("collection is under approval."))
        #expect(try setup.cache.myMembership(collectionURI: uri) == .pending)
        #expect(try setup.cache.header(collectionURI: uri).membership == .pending)
        // Pending members are not members yet.
        #expect(try !(await setup.servedMembers(Self.cyber)).names.contains("Ana Novak"))
    }

    /// Issue 16: leaving while the join waits for approval withdraws the request; it never said
    /// "no longer a member" of a collection the user never was a member of.
    @Test func leavingAPendingRequestWithdrawsIt() async throws {
        let setup = try await Self.setup()
        let uri = try setup.uri(Self.cyber)
        #expect(try await setup.deliver(.join, Self.cyber, token: "t-ana").outcome == .joinPending)
        let result = try await setup.deliver(.leave, Self.cyber, token: "t-ana")
        #expect(result.outcome == .withdrawn)
        #expect(result.message == "Your request to join Grupo de trabajo de ciberseguridad pública was withdrawn.")
        #expect(try setup.cache.myMembership(collectionURI: uri) == MyMembership.none)
        #expect(try setup.cache.header(collectionURI: uri).membership == nil)
    }

    @Test func blockedAccountIsRefusedWith403() async throws {
        let setup = try await Self.setup()
        let result = try await setup.deliver(.join, Self.ospo, token: "t-blocked")
        #expect(result.outcome == .blocked)
        #expect(result.message == "You cannot join EC Open Source Programme Office because your account has been blocked.")
        #expect(try setup.cache.pendingActions().isEmpty, "a refusal is final")
        #expect(try !(await setup.servedMembers(Self.ospo)).names.contains("Bo Blocked"))
    }

    @Test func ownerCannotLeaveAnswers409AndStaysAMember() async throws {
        let setup = try await Self.setup()
        let result = try await setup.deliver(.leave, Self.cyber, token: "t-owner")
        #expect(result.outcome == .ownerCannotLeave)
        #expect(result.message.contains("transfer the ownership"))
        #expect(try setup.cache.myMembership(collectionURI: try setup.uri(Self.cyber)) == .owner)
        #expect(try await setup.servedMembers(Self.cyber).names.contains("Dragoș Ionescu"))
    }

    @Test func withoutAValidTokenTheRemoteAnswers401AndTheRequestStays() async throws {
        let setup = try await Self.setup()
        let url = try #require(URL(string: setup.remote.base + "/collection/\(Self.ospo)/join"))
        let status = try await HTTPClient().send("POST", url, headers: ["Idempotency-Key": UUID().uuidString]).status
        #expect(status == 401)
        let result = try await setup.deliver(.join, Self.ospo, token: "t-unknown")
        #expect(result.outcome == .notSignedIn)
        #expect(try setup.cache.pendingActions().count == 1, "kept until a valid token exists")
        // Signing in later delivers the same request.
        let later = await OutboxDelivery(cache: setup.cache, remote: setup.remote.base,
                                         credentials: Credentials(token: "t-ana", user: nil, origin: setup.remote.base)).deliver(all: true)
        #expect(later.map(\.outcome) == [.joined])
        #expect(try setup.cache.pendingActions().isEmpty)
    }

    @Test func theSameIdempotencyKeyChangesTheServerOnce() async throws {
        let setup = try await Self.setup()
        let client = HTTPClient()
        func post(_ kind: String, key: String) async throws -> (Int, String) {
            let url = try #require(URL(string: setup.remote.base + "/collection/\(Self.ospo)/\(kind)"))
            let (status, body, _) = try await client.send("POST", url, headers: ["Authorization": "Bearer t-ana", "Idempotency-Key": key]).parts
            return (status, String(decoding: body, as: UTF8.self))
        }
        let key = UUID().uuidString
        let first = try await post("join", key: key)
        let again = try await post("join", key: key)
        #expect(first.0 == 200 && again.0 == 200 && first.1 == again.1)
        #expect(try setup.ledgerChanges() == 1)
        #expect(try await setup.servedMembers(Self.ospo).names.filter { $0 == "Ana Novak" }.count == 1)
        // A late retry of the join, after a leave, replays the old answer and does not re-join.
        #expect(try await post("leave", key: UUID().uuidString).0 == 200)
        #expect(try await post("join", key: key).1.contains("\"active\""))
        #expect(try !(await setup.servedMembers(Self.ospo)).names.contains("Ana Novak"))
        #expect(try setup.ledgerChanges() == 2)
        // A key reused for another request is refused.
        #expect(try await post("leave", key: key).0 == 422)
    }

    @Test func membershipsSurviveARestartOfTheRemoteAndTheFixturesStayUntouched() async throws {
        let setup = try await Self.setup()
        #expect(try await setup.deliver(.join, Self.ospo, token: "t-ana").outcome == .joined)
        setup.remote.server.stop()
        let again = try RemoteProcess(data: fixtureFolder, extra: ["--state-dir", setup.state.path], folder: setup.folder)
        let url = try #require(URL(string: again.base + "/collection/\(Self.ospo)/members?_format=json"))
        guard case let .ok(body, _, _) = try await HTTPClient().get(url) else { Issue.record("no members"); return }
        #expect(try MembersJSONParser.parse(body).contains { $0.name == "Ana Novak" && $0.state == .active })
        let fixtureFiles = try FileManager.default.subpathsOfDirectory(atPath: fixtureFolder.path)
        #expect(!fixtureFiles.contains { $0.hasSuffix("ledger.json") || $0.hasSuffix("users.json") })
        again.server.stop()
    }
}
