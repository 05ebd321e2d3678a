import Foundation
import JoinupCache
import JoinupModel
@testable import JoinupSync
import Testing

/// The SPARQL client's own logic: the `.rq` files, the results format, paging and the GET/POST
/// choice, against a scripted transport. The same client against a real Virtuoso:
/// SyncIntegrationTests/VirtuosoDiscoveryTests.
@Suite struct SPARQLClientTests {
    /// Answers page after page from a list; records every request.
    final class PagedTransport: SPARQLTransport, @unchecked Sendable {
        private let lock = NSLock()
        private var answers: [HTTPFetch]
        private(set) var requests: [(url: URL, form: Data?, accept: String?, validator: ResourceValidator?)] = []

        init(_ answers: [HTTPFetch]) { self.answers = answers }

        func request(_ url: URL, headers: [String: String], form: Data?, validator: ResourceValidator?,
                     htmlMeansAbsent: Bool) async throws(SyncError) -> HTTPFetch {
            lock.withLock {
                requests.append((url, form, headers["Accept"], validator))
                return answers.isEmpty ? .notFound : answers.removeFirst()
            }
        }
    }

    static func page(_ uris: [String]) -> HTTPFetch {
        let bindings = uris.map { #"{"topic": {"type": "uri", "value": "\#($0)"}, "label": {"type": "literal", "xml:lang": "en", "value": "L \#($0.suffix(1))"}}"# }
        let body = #"{"head": {"vars": ["topic", "label"]}, "results": {"bindings": [\#(bindings.joined(separator: ","))]}}"#
        return .ok(body: Data(body.utf8), etag: nil, lastModified: nil)
    }

    let endpoint = URL(string: "http://sparql.test/sparql")!

    @Test func everyQueryFileIsEmbeddedOrderedAndUnpaged() {
        for query in SPARQLQuery.allCases {
            let text = query.body
            #expect(query.text.hasPrefix("# "), "\(query): each file explains itself")
            #expect(!text.contains("\n#") && !text.hasPrefix("#"), "\(query): comments stay out of requests")
            #expect(text.contains("SELECT"), "\(query)")
            #expect(text.contains("ORDER BY"), "\(query): paging needs a stable order")
            #expect(!text.uppercased().contains("LIMIT"), "\(query): the client adds LIMIT")
        }
        #expect(SPARQLQuery.collections.text.contains("<http://joinup.eu/collection/published>"))
        #expect(!SPARQLQuery.collections.text.contains("collection/draft>"))
        #expect(SPARQLQuery.topics.text.contains("broaderTransitive"))
    }

    @Test func pagesAreReadUntilAShortOneWithLimitAndOffset() async throws {
        let transport = PagedTransport([Self.page(["u:1", "u:2"]), Self.page(["u:3", "u:4"]), Self.page(["u:5"])])
        let client = SPARQLClient(endpoint: endpoint, transport: transport, pageSize: 2)
        guard case .rows(let rows, _) = try await client.select(.topics) else {
            Issue.record("expected rows")
            return
        }
        #expect(rows.map { $0["topic"]?.value } == ["u:1", "u:2", "u:3", "u:4", "u:5"])
        #expect(rows[0]["label"]?.language == "en")
        let queries = transport.requests.map { URLComponents(url: $0.url, resolvingAgainstBaseURL: false)?.queryItems?.first?.value ?? "" }
        #expect(queries.map { $0.hasSuffix("LIMIT 2 OFFSET 0\n") } == [true, false, false])
        #expect(queries[2].hasSuffix("LIMIT 2 OFFSET 4\n"))
        #expect(transport.requests.allSatisfy { $0.accept == "application/sparql-results+json" && $0.form == nil })
    }

    @Test func aLongQueryIsPostedAsAForm() async throws {
        let transport = PagedTransport([Self.page([])])
        let client = SPARQLClient(endpoint: endpoint, transport: transport, pageSize: 10, longestGET: 100)
        _ = try await client.select(.collections)
        let sent = try #require(transport.requests.first)
        #expect(sent.url == endpoint)
        let form = String(decoding: try #require(sent.form), as: UTF8.self)
        #expect(form.hasPrefix("query=PREFIX%20"))
        #expect(form.removingPercentEncoding?.contains("dct:title ?title") == true)
    }

    @Test func aMissingEndpointAndA304AreAnswersOnlyOnTheFirstPage() async throws {
        let none = SPARQLClient(endpoint: endpoint, transport: PagedTransport([.notFound]))
        #expect(try await none.select(.owners) == .noEndpoint)
        let validator = ResourceValidator(url: "k", etag: "\"v1\"", lastModified: nil)
        let same = PagedTransport([.notModified])
        #expect(try await SPARQLClient(endpoint: endpoint, transport: same).select(.owners, validator: validator) == .notModified)
        #expect(same.requests.first?.validator == validator)
        let vanished = SPARQLClient(endpoint: endpoint, transport: PagedTransport([Self.page(["u:1"]), .notFound]), pageSize: 1)
        await #expect(throws: SyncError.self) { try await vanished.select(.topics) }
    }

    @Test func aBodyThatIsNotSPARQLJSONIsAnInvalidDocument() async {
        let client = SPARQLClient(endpoint: endpoint, transport: PagedTransport([.ok(body: Data("<html>".utf8), etag: nil, lastModified: nil)]))
        await #expect {
            try await client.select(.topics)
        } throws: { error in
            guard case .invalidDocument(let parse)? = error as? SyncError else { return false }
            return parse.resource.contains("topics.rq") && !parse.resource.contains("%20")
        }
    }

    /// A remote that publishes no document at all.
    struct NothingPublished: DocumentTransport {
        func get(_ url: URL, validator: ResourceValidator?, htmlMeansAbsent: Bool) async throws(SyncError) -> HTTPFetch { .notFound }
    }

    @Test func anEndpointListingNoCollectionIsNotADirectory() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("joinup-sparql-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = try CacheDatabase(path: folder.appendingPathComponent("cache.sqlite").path)
        let engine = SyncEngine(layout: RemoteLayout(base: "http://remote.test")!, cache: cache, transport: NothingPublished())
        let empty = DirectorySync(engine: engine, sparql: SPARQLClient(endpoint: endpoint, transport: PagedTransport([Self.page([])])))
        #expect(try await empty.readAndStore() == nil, "neither SPARQL rows nor /collections.xml")
        #expect(try cache.hasDirectory() == false)
    }

    @Test func rowsBecomeDirectoryValuesMergedByURI() {
        func uri(_ v: String) -> SPARQLTerm { SPARQLTerm(kind: .uri, value: v) }
        func literal(_ v: String, _ type: String? = nil) -> SPARQLTerm { SPARQLTerm(kind: type == nil ? .literal : .typedLiteral, value: v, datatype: type) }
        let rows: [SPARQLRow] = [
            ["collection": uri("c:1"), "title": literal("One\u{1B}[31m"), "abstract": literal("<p>An &amp; B</p>"),
             "alias": literal("one"), "closed": literal("1", "xsd:boolean"), "state": literal("archived"),
             "modified": literal("2019-03-11T15:02:47+01:00", "xsd:dateTime"),
             "owner": uri("o:1"), "topics": literal("t:a t:b"), "countries": literal("k:BEL")],
            ["collection": uri("c:1"), "title": literal("One"), "owner": uri("o:2"), "contact": uri("p:1"), "topics": literal("t:b t:c")],
            ["collection": uri("c:2"), "title": literal("Two")],
        ]
        let collections = SPARQLDirectory.collections(rows)
        #expect(collections.map(\.uri) == ["c:1", "c:2"])
        let one = collections[0]
        #expect(!one.title.contains("\u{1B}") && one.title.hasPrefix("One"))
        #expect(one.abstract == "An & B")
        #expect(one.isClosed && one.isArchived && one.alias == "one")
        #expect(one.modified == Date(timeIntervalSince1970: 1_552_312_967))
        #expect(one.ownerURI == "o:1" && one.contactURI == "p:1")
        #expect(one.topicURIs == ["t:a", "t:b", "t:c"] && one.countryURIs == ["k:BEL"])
        #expect(!collections[1].isClosed && collections[1].state == "validated" && collections[1].alias == nil)

        let topics = SPARQLDirectory.topics([["topic": uri("cat"), "label": literal("ICT")],
                                              ["topic": uri("term"), "label": literal("ICT"), "parent": uri("cat")]])
        #expect(topics.map(\.level) == [.category, .term] && topics[1].parentURI == "cat")
        let contacts = SPARQLDirectory.contacts([["contact": uri("p:1"), "name": literal("Desk"), "email": uri("mailto:a@b.eu"),
                                                  "page": uri("javascript:alert(1)")]])
        #expect(contacts == [DirectoryContact(uri: "p:1", name: "Desk", email: "a@b.eu", webPage: nil)])
        #expect(DirectoryOwner(uri: "o", name: "n", typeURI: "http://purl.org/adms/publishertype/SupraNationalAuthority").typeLabel
                == "Supra national authority")
    }
}
