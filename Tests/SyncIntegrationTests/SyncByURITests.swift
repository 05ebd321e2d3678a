import Foundation
import JoinupCache
import JoinupModel
import JoinupSync
import JoinupTestSupport
import Testing

/// `joinup sync --collection <URI>` against a real `joinup-remote` process: Joinup's
/// `/rdf_entity/<encoded-uri>` paths when only the URI is known, the alias once it is.
@Suite struct SyncByURITests {
    let osor = "open-source-observatory"

    /// The URI the fixture's own metadata names, and how many items its feed holds.
    private func fixture(_ alias: String) throws -> (uri: String, items: Int) {
        let folder = fixtureFolder.appendingPathComponent(alias)
        let identity = try #require(try CatalogIdentity.read(try Data(contentsOf: folder.appendingPathComponent("collection.rdf"))))
        let feed = try String(contentsOf: folder.appendingPathComponent("feed.xml"), encoding: .utf8)
        return (identity.uri, feed.components(separatedBy: "<item>").count - 1)
    }

    /// A `joinup-remote` process over the shipped fixtures, and `joinup` with a fresh data and config folder.
    private struct Session {
        let folder: TemporaryFolder
        let remote: RemoteProcess

        init() throws {
            folder = try TemporaryFolder()
            remote = try RemoteProcess(data: fixtureFolder, folder: folder)
        }

        func joinup(_ arguments: [String]) throws -> CommandResult {
            try runCommand(builtBinary("joinup"), arguments + ["--data-dir", folder.path("data"), "--config-dir", folder.path("config")])
        }

        func sync(_ collection: String) throws -> CommandResult {
            try joinup(["sync", "--remote", remote.base, "--collection", collection])
        }
    }

    @Test func aCollectionNamedOnlyByItsURIIsSyncedFromTheEntityPaths() async throws {
        let (uri, itemCount) = try fixture(osor)
        let session = try Session()
        let remote = session.remote

        let first = try session.sync(uri)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == "\(uri): \(itemCount) new, 0 updated, 0 deleted\n")
        let entity = "/rdf_entity/" + JoinupURIEncoding.encode(uri)
        let requests = remote.requests()
        // Log lines are "GET target status[ gzip]".
        #expect(requests.contains { $0.hasPrefix("GET \(entity)?_format=rdfxml 200") }, "\(requests)")
        #expect(requests.contains { $0.hasPrefix("GET \(entity)/feed.xml 200") }, "\(requests)")
        #expect(!requests.contains { $0.contains("/collection/") }, "the alias is not known: \(requests)")

        let items = try session.joinup(["items", "--no-header", "--collection", uri])
        #expect(items.status == 0, "\(items.stderr)")
        #expect(items.stdout.split(separator: "\n").count == itemCount)

        let again = try session.sync(uri)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout == "\(uri): unchanged\n", "the entity paths' validators were stored")
    }

    @Test func aURIOfACollectionCachedUnderItsAliasIsSyncedByTheAlias() async throws {
        let (uri, _) = try fixture(osor)
        let session = try Session()
        let remote = session.remote
        let byAlias = try session.sync(osor)
        #expect(byAlias.status == 0, "\(byAlias.stderr)")
        let count = remote.requests().count

        let byURI = try session.sync(uri)
        #expect(byURI.status == 0, "\(byURI.stderr)")
        #expect(byURI.stdout == "\(osor): unchanged\n")
        let later = remote.requests().dropFirst(count)
        #expect(later.contains { $0.hasPrefix("GET /collection/\(osor)/feed.xml 304") }, "\(later)")
        #expect(!later.contains { $0.contains("/rdf_entity/") }, "\(later)")
    }

    @Test func aCollectionCachedUnderItsURIIsJoinedAtTheEntityPath() async throws {
        let (uri, _) = try fixture(osor)
        let folder = try TemporaryFolder()
        let (_, remote) = try MembershipIntegrationTests.remoteWithMemberships(in: folder)
        let cache = try CacheDatabase(path: folder.path("cache.sqlite"))
        let engine = SyncEngine(layout: try #require(RemoteLayout(base: remote.base)), cache: cache)
        #expect(await engine.sync(aliases: [uri]).succeeded)
        let cached = try #require(try cache.collection(named: uri))
        #expect(cached.alias == uri, "stored under the only name it was given")

        _ = try cache.enqueue(MembershipRequest(collectionAlias: cached.alias, collectionURI: cached.uri,
                                                collectionTitle: cached.title, kind: .join))
        let results = await OutboxDelivery(cache: cache, remote: remote.base,
                                           credentials: Credentials(token: "t-ana", user: nil, origin: remote.base)).deliver()
        #expect(results.map(\.outcome) == [.joined])
        #expect(remote.requests().contains { $0.hasPrefix("POST /rdf_entity/\(JoinupURIEncoding.encode(uri))/join 200") },
                "\(remote.requests())")
        #expect(try cache.myMembership(collectionURI: uri) == .active)
    }
}
