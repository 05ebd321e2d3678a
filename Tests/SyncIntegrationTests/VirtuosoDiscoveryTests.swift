import Foundation
import JoinupCache
import JoinupModel
import JoinupSync
import JoinupTestSupport
import Testing

/// One Virtuoso for a whole suite: started before its first test, stopped by PID after its last
/// (it takes seconds to start); the suite's tests find it in `SharedVirtuoso.current`.
struct SharedVirtuoso: SuiteTrait, TestScoping {
    @TaskLocal static var current: VirtuosoServer?

    func provideScope(for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void) async throws {
        let server = try await VirtuosoServer.started()
        do {
            try await Self.$current.withValue(server) { try await function() }
        } catch {
            await server.stopped()
            throw error
        }
        await server.stopped()
    }
}

extension Trait where Self == SharedVirtuoso {
    static var sharedVirtuoso: SharedVirtuoso { SharedVirtuoso() }
}

/// Discovery through a real Virtuoso (Debian's `virtuoso-opensource-7`, Joinup's engine) loaded
/// with Fixtures/sparql, behind a real `joinup-remote --sparql-upstream` serving Fixtures/remote.
/// The test that stops Virtuoso mid-sync starts its own.
@Suite(.sharedVirtuoso) struct VirtuosoDiscoveryTests {
    static let ospo = "http://data.europa.eu/w21/0ea48cb0-4f45-4a6e-9d0b-7b3f2a1c5e21"
    static let archived = "http://data.europa.eu/w21/9e2b7a41-0c3d-4f5e-8a6b-1d2c3e4f5a60"
    static let draft = "http://data.europa.eu/w21/d4a7c1e2-5b6f-4a3d-9e8c-7f1a2b3c4d5e"
    static let ictCategory = "http://joinup.eu/ontology/topic/category#ict"
    static let ictTerm = "http://joinup.eu/ontology/topic#ict"

    private func endpoint() throws -> String {
        try #require(SharedVirtuoso.current, "the suite's Virtuoso").endpoint
    }

    /// `joinup` with fresh folders against a joinup-remote that forwards /sparql to the suite's Virtuoso.
    private struct Session {
        let folder: TemporaryFolder
        let remote: RemoteProcess

        /// `sparql` nil: the remote forwards nothing (its /sparql answers 404).
        init(sparql: String?) throws {
            folder = try TemporaryFolder()
            remote = try RemoteProcess(data: fixtureFolder, extra: sparql.map { ["--sparql-upstream", $0] } ?? [], folder: folder)
        }

        func joinup(_ arguments: [String], environment: [String: String] = [:]) throws -> CommandResult {
            try runCommand(builtBinary("joinup"), arguments + ["--data-dir", folder.path("data"), "--config-dir", folder.path("config")],
                           environment: environment)
        }

        var cachePath: String { folder.path("data/joinup.sqlite") }
    }

    @Test func syncWithOnlyARemoteDiscoversAndSyncsThePublishedCollections() async throws {
        let session = try Session(sparql: try endpoint())
        defer { _ = session.remote.server.stop() }
        let sync = try session.joinup(["sync", "--remote", session.remote.base])
        #expect(sync.status == 0, "\(sync.stderr)")
        #expect(sync.stderr.isEmpty, "no progress when stderr is not a terminal")
        // The three published, not archived collections are synced, each by its URI's entity path.
        let lines = sync.stdout.split(separator: "\n")
        #expect(lines.count == 3, "\(sync.stdout)")
        #expect(lines.allSatisfy { $0.contains(" new, ") }, "\(sync.stdout)")
        let requests = session.remote.requests()
        #expect(requests.contains { $0.hasPrefix("GET /sparql?query=") && $0.hasSuffix(" 200") }, "\(requests)")
        #expect(requests.contains { $0.hasPrefix("GET /rdf_entity/\(JoinupURIEncoding.encode(Self.ospo))/feed.xml 200") }, "\(requests)")
        #expect(!requests.contains { $0.contains("/collection/") }, "no alias had to be known: \(requests)")

        let listed = try session.joinup(["collections", "--json"])
        #expect(listed.status == 0, "\(listed.stderr)")
        let records = try listed.stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        let byURI = Dictionary(uniqueKeysWithValues: records.map { ($0["uri"] as? String ?? "", $0) })
        #expect(byURI.count == 4)
        #expect(byURI[Self.draft] == nil, "the draft graph is never listed")
        #expect(byURI[Self.archived]?["state"] as? String == "archived")
        #expect(byURI[Self.archived]?["synced"] as? Bool == false)
        #expect(byURI[Self.ospo]?["synced"] as? Bool == true)
        let table = try session.joinup(["collections", "--search", "legacy", "--no-header"])
        #expect(table.stdout.components(separatedBy: "\t").dropFirst(5).first == "closed; archived", "\(table.stdout)")

        // About's names come from the owner, contact and country graphs.
        let cache = try CacheDatabase(path: session.cachePath)
        let about = try cache.directoryAbout(collectionURI: Self.ospo)
        #expect(about.owner?.name == "European Commission, DG DIGIT")
        #expect(about.owner?.typeURI == "http://purl.org/adms/publishertype/SupraNationalAuthority")
        #expect(about.contact == DirectoryContact(uri: "http://data.europa.eu/w21/contact-0ea48cb0-4f45-4a6e-9d0b-7b3f2a1c5e21",
                                                  name: "EC OSPO team", email: "ec-ospo@example.org",
                                                  webPage: "https://joinup.ec.europa.eu/collection/ec-open-source-programme-office"))
        #expect(about.countries.map(\.name) == ["European Union"])

        // A query too long for a GET goes as a POST form, forwarded as well.
        let posted = SPARQLClient(endpoint: try #require(URL(string: session.remote.base + "/sparql")),
                                  transport: HTTPClient(proxies: ProxySettings(environment: [:])), longestGET: 10)
        guard case .rows(let rows, _) = try await posted.select(.countries) else {
            Issue.record("no rows through the forwarded POST")
            return
        }
        #expect(rows.compactMap { $0["label"]?.value } == ["Belgium", "Spain", "European Union"])
        #expect(session.remote.requests().contains { $0.hasPrefix("POST /sparql 200") }, "\(session.remote.requests())")
    }

    @Test func aTopicSharedByACategoryAndATermIsKeptApart() throws {
        let session = try Session(sparql: try endpoint())
        defer { _ = session.remote.server.stop() }
        let sync = try session.joinup(["sync", "--remote", session.remote.base, "--directory-only"])
        #expect(sync.status == 0, "\(sync.stderr)")
        #expect(sync.stdout == "")

        let ambiguous = try session.joinup(["collections", "--topic", "ICT"])
        #expect(ambiguous.status == 2)
        #expect(ambiguous.stderr.contains(Self.ictCategory) && ambiguous.stderr.contains(Self.ictTerm), "\(ambiguous.stderr)")

        let term = try session.joinup(["collections", "--topic", Self.ictTerm, "--csv"])
        #expect(term.status == 0, "\(term.stderr)")
        #expect(term.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 2, "header and the archived collection")
        #expect(term.stdout.contains(Self.archived))

        let category = try session.joinup(["collections", "--topic", Self.ictCategory, "--no-header"])
        #expect(category.stdout.split(separator: "\n").count == 4, "all four: three tagged, one through its term")
        let cache = try CacheDatabase(path: session.cachePath)
        let counts = Dictionary(uniqueKeysWithValues: try cache.directory().topicCounts.map { ($0.topic.uri, $0.count) })
        #expect(counts[Self.ictCategory] == 4)
        #expect(counts[Self.ictTerm] == 1)

        // --collection narrows: an alias the directory lists is fetched by its URI, stored under the alias.
        let osor = "open-source-observatory"
        let narrowed = try session.joinup(["sync", "--remote", session.remote.base, "--collection", osor])
        #expect(narrowed.status == 0, "\(narrowed.stderr)")
        #expect(narrowed.stdout.hasPrefix("\(osor): ") && narrowed.stdout.split(separator: "\n").count == 1, "\(narrowed.stdout)")
        let requests = session.remote.requests()
        #expect(requests.contains { $0.hasPrefix("GET /rdf_entity/") && $0.contains("/feed.xml 200") }, "\(requests)")
        #expect(!requests.contains { $0.contains("/collection/\(osor)") }, "\(requests)")
        #expect(try session.joinup(["items", "--collection", osor]).status == 0)
    }

    @Test func theEndpointComesFromTheEnvironmentOrConfigTomlElseCollectionsXMLIsUsed() throws {
        let endpoint = try endpoint()
        let plain = try Session(sparql: nil)
        defer { _ = plain.remote.server.stop() }
        let fallback = try plain.joinup(["sync", "--remote", plain.remote.base, "--directory-only"])
        #expect(fallback.status == 0, "\(fallback.stderr)")
        #expect(plain.remote.requests().contains { $0.hasPrefix("GET /sparql?query=") && $0.hasSuffix(" 404") }, "\(plain.remote.requests())")
        #expect(plain.remote.requests().contains { $0.hasPrefix("GET /collections.xml 200") })
        #expect(try plain.joinup(["collections", "--no-header"]).stdout.split(separator: "\n").count == 3, "collections.xml lists no archived one")

        let fromEnvironment = try Session(sparql: nil)
        defer { _ = fromEnvironment.remote.server.stop() }
        let sync = try fromEnvironment.joinup(["sync", "--remote", fromEnvironment.remote.base, "--directory-only"],
                                              environment: ["JOINUP_SPARQL": endpoint])
        #expect(sync.status == 0, "\(sync.stderr)")
        #expect(!fromEnvironment.remote.requests().contains { $0.contains("sparql") || $0.contains("collections.xml") })
        #expect(try fromEnvironment.joinup(["collections", "--no-header"]).stdout.split(separator: "\n").count == 4)

        let fromConfig = try Session(sparql: nil)
        defer { _ = fromConfig.remote.server.stop() }
        let config = fromConfig.folder.path("config")
        try FileManager.default.createDirectory(atPath: config, withIntermediateDirectories: true)
        try "sparql = \"\(endpoint)\"\n".write(toFile: config + "/config.toml", atomically: true, encoding: .utf8)
        #expect(try fromConfig.joinup(["sync", "--remote", fromConfig.remote.base, "--directory-only"]).status == 0)
        #expect(try fromConfig.joinup(["collections", "--search", "archive"]).stdout.contains("Legacy ICT Interoperability Archive"))
        #expect(!fromConfig.remote.requests().contains { $0.contains("sparql") })
    }

    /// Counts requests on the way to the real HTTP client.
    final class Counting: SPARQLTransport, @unchecked Sendable {
        let client = HTTPClient(proxies: ProxySettings(environment: [:]))
        let lock = NSLock()
        var count = 0
        func request(_ url: URL, headers: [String: String], form: Data?, validator: ResourceValidator?,
                     htmlMeansAbsent: Bool) async throws(SyncError) -> HTTPFetch {
            lock.withLock { count += 1 }
            return try await client.request(url, headers: headers, form: form, validator: validator, htmlMeansAbsent: htmlMeansAbsent)
        }
    }

    @Test func theDirectoryIsPagedWithAStableOrder() async throws {
        let sparql = try #require(URL(string: try endpoint()))
        let folder = try TemporaryFolder()
        var listings: [[String]] = []
        for pageSize in [1, 3, 1_000] {
            let cache = try CacheDatabase(path: folder.path("cache-\(pageSize).sqlite"))
            let transport = Counting()
            let discovery = DirectorySync(engine: SyncEngine(layout: RemoteLayout(base: "http://127.0.0.1:9")!, cache: cache),
                                          sparql: SPARQLClient(endpoint: sparql, transport: transport, pageSize: pageSize))
            let report = await discovery.readOnly()
            #expect(report.sync.directoryError == nil)
            #expect(report.listed == 4)
            listings.append(try cache.directory().collections.map(\.collection.uri))
            if pageSize == 1 {
                // collections: 4 rows + an empty page; topics 17 + 1; owners 2 + 1; contacts 4 + 1; countries 3 + 1.
                #expect(transport.count == 5 + 18 + 3 + 5 + 4)
            }
            #expect(try cache.directoryTopics().count == 17)
        }
        #expect(listings[0].count == 4)
        #expect(listings[0] == listings[1])
        #expect(listings[0] == listings[2])
    }

    @Test func virtuosoStoppedMidSyncGivesAClearErrorAndLeavesTheCacheUnchanged() async throws {
        let own = try await VirtuosoServer.started()
        defer { own.stop() }  // already stopped mid-sync; this only makes sure
        let folder = try TemporaryFolder()
        let path = folder.path("cache.sqlite")
        let sparql = try #require(URL(string: own.endpoint))
        let layout = RemoteLayout(base: "http://127.0.0.1:9")!
        do {
            let cache = try CacheDatabase(path: path)
            let first = await DirectorySync(engine: SyncEngine(layout: layout, cache: cache),
                                            sparql: SPARQLClient(endpoint: sparql, transport: HTTPClient(), pageSize: 2)).readOnly()
            #expect(first.sync.directoryError == nil)
        }
        let before = try TableDump.lines(of: path)
        #expect(before.contains { $0.hasPrefix("directory_collection: ") })

        let cache = try CacheDatabase(path: path)
        let discovery = DirectorySync(engine: SyncEngine(layout: layout, cache: cache),
                                      sparql: SPARQLClient(endpoint: sparql, transport: HTTPClient(), pageSize: 2))
        let stopped = StopOnce(own)
        let report = await discovery.readOnly { progress in
            if case .reading("collections", let rows) = progress.phase, rows >= 2 { stopped.fire() }
        }
        #expect(stopped.fired)
        let error = try #require(report.sync.directoryError)
        #expect(error.message.contains("cannot connect (connection refused)"), "\(error.message)")
        #expect(error.message.contains("collections.rq, rows from 2"), "\(error.message)")
        #expect(try TableDump.lines(of: path) == before)
    }

    /// Stops a Virtuoso the first time it is fired.
    final class StopOnce: @unchecked Sendable {
        let server: VirtuosoServer
        let lock = NSLock()
        private(set) var fired = false
        init(_ server: VirtuosoServer) { self.server = server }
        func fire() {
            let first = lock.withLock { () -> Bool in defer { fired = true }; return !fired }
            if first { server.stop() }
        }
    }
}
