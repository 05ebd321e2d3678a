import Foundation
import JoinupCache
import JoinupModel
@testable import JoinupSync
import JoinupTestSupport
import Testing

/// The sync engine against a scripted transport: what each answer Joinup (or a remote without our
/// extensions) can give does to a sync, with a real SQLite cache. The HTTP side of the same
/// answers is tested against real processes in SyncIntegrationTests.
@Suite struct SyncEngineTransportTests {
    static let remote = "http://joinup.test"
    static let alias = "einvoicing-community"
    static let layout = RemoteLayout(base: remote)!
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/joinup/\(alias)")

    /// Answers by URL from a script (the last answer for a URL repeats); records every request.
    final class ScriptedTransport: DocumentTransport, @unchecked Sendable {
        private let lock = NSLock()
        private var script: [String: [Result<HTTPFetch, SyncError>]]
        private(set) var requested: [String] = []

        init(_ script: [String: [Result<HTTPFetch, SyncError>]]) {
            self.script = script
        }

        func get(_ url: URL, validator: ResourceValidator?, htmlMeansAbsent: Bool) async throws(SyncError) -> HTTPFetch {
            let answer = lock.withLock { () -> Result<HTTPFetch, SyncError> in
                requested.append(url.absoluteString)
                guard var answers = script[url.absoluteString], let first = answers.first else {
                    return .success(.notFound)
                }
                if answers.count > 1 { answers.removeFirst() }
                script[url.absoluteString] = answers
                return first
            }
            return try answer.get()
        }
    }

    struct Setup {
        let folder: TemporaryFolder
        let cache: CacheDatabase
        func engine(_ transport: ScriptedTransport) -> SyncEngine {
            SyncEngine(layout: SyncEngineTransportTests.layout, cache: cache, transport: transport)
        }
    }

    func setup() throws -> Setup {
        let folder = try TemporaryFolder()
        return Setup(folder: folder, cache: try CacheDatabase(path: folder.path("cache.sqlite")))
    }

    func document(_ name: String) throws -> HTTPFetch {
        .ok(body: try Data(contentsOf: Self.fixtures.appendingPathComponent(name)), etag: "\"\(name)\"", lastModified: nil)
    }

    /// Joinup's two documents; everything else (topics, members, directory) not published.
    func joinup() throws -> ScriptedTransport {
        ScriptedTransport([
            Self.layout.feed(Self.alias): [.success(try document("feed.xml"))],
            Self.layout.metadata(Self.alias): [.success(try document("collection.rdf"))],
        ])
    }

    @Test func joinupsOwnTwoDocumentsAreAWholeSync() async throws {
        let s = try setup()
        let transport = try joinup()
        let result = await s.engine(transport).syncCollection(Self.alias)
        #expect(result.succeeded, "\(result.summary)")
        let uri = try #require(try s.cache.collection(named: Self.alias)).uri
        let header = try s.cache.header(collectionURI: uri)
        #expect(!header.membersPublished, "members not published is not a failure")
        #expect(header.count(of: .customPage) == 1 && header.count(of: .solution) == 2)
        #expect(try s.cache.about(collectionURI: uri).isClosed)
        #expect(Set(transport.requested) == [Self.layout.feed(Self.alias), Self.layout.metadata(Self.alias),
                                             Self.layout.topics, Self.layout.members(Self.alias)])
    }

    @Test func withoutMetadataTheCollectionIsNamedFromJoinupsChannelTitle() async throws {
        let s = try setup()
        let transport = ScriptedTransport([Self.layout.feed(Self.alias): [.success(try document("feed.xml"))]])
        #expect(await s.engine(transport).syncCollection(Self.alias).succeeded)
        let cached = try #require(try s.cache.collection(named: Self.alias))
        #expect(cached.title == "eInvoicing Community (Łódź & Ærø pilots)", "not \"Latest updates from the … collection\"")
        #expect(SyncEngine.collectionLabel(channelTitle: "Latest updates from the X collection") == "X")
        #expect(SyncEngine.collectionLabel(channelTitle: "Some other feed") == "Some other feed")
    }

    @Test func withoutADirectoryTheCollectionsCachedFromThatRemoteAreSyncedAgain() async throws {
        let s = try setup()
        // Nothing cached: no directory is an error naming it.
        let empty = await s.engine(try joinup()).sync()
        #expect(empty.directoryError == .noDirectory(url: Self.layout.directory))
        // Synced once by alias, then a sync with no alias syncs it again.
        #expect(await s.engine(try joinup()).syncCollection(Self.alias).succeeded)
        let transport = try joinup()
        let report = await s.engine(transport).sync()
        #expect(report.directoryError == nil && report.withoutDirectory)
        #expect(report.results.map(\.alias) == [Self.alias])
        #expect(transport.requested.first == Self.layout.directory)
        // Another remote's sync does not pick up this remote's collections.
        let other = SyncEngine(layout: RemoteLayout(base: "http://elsewhere.test")!, cache: s.cache, transport: try joinup())
        #expect(await other.sync().directoryError == .noDirectory(url: "http://elsewhere.test/collections.xml"))
    }

    @Test func aFailingFeedLeavesTheCacheAsItWas() async throws {
        let s = try setup()
        #expect(await s.engine(try joinup()).syncCollection(Self.alias).succeeded)
        let uri = try #require(try s.cache.collection(named: Self.alias)).uri
        let before = try s.cache.itemCount(collectionURI: uri, filter: .none)
        for answer: Result<HTTPFetch, SyncError> in [.success(.notFound), .failure(.timedOut(url: "u", seconds: 1)),
                                                     .failure(.redirectRefused(url: "u", detail: "elsewhere"))] {
            let transport = ScriptedTransport([Self.layout.feed(Self.alias): [answer],
                                               Self.layout.metadata(Self.alias): [.success(try document("collection.rdf"))]])
            let result = await s.engine(transport).syncCollection(Self.alias)
            #expect(!result.succeeded, "\(answer)")
            #expect(try s.cache.itemCount(collectionURI: uri, filter: .none) == before)
        }
    }
}
