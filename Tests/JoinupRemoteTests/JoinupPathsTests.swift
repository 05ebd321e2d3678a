import Foundation
import JoinupRemote
import JoinupSync
import JoinupTestSupport
import Testing

/// joinup-remote as Joinup's stand-in: a data folder's documents byte for byte, at both of Joinup's
/// path forms, and Drupal's 406 for a format a path does not serve.
@Suite struct JoinupPathsTests {
    /// Every collection folder of the shipped data folder, with the URI its metadata names.
    static func fixtureCollections() throws -> [(alias: String, uri: String)] {
        try FileManager.default.contentsOfDirectory(atPath: fixtureFolder.path).sorted().compactMap { name in
            let rdf = fixtureFolder.appendingPathComponent(name).appendingPathComponent("collection.rdf")
            guard FileManager.default.fileExists(atPath: rdf.path) else { return nil }
            let identity = try #require(try CatalogIdentity.read(try Data(contentsOf: rdf)))
            return (name, identity.uri)
        }
    }

    static func entityPath(_ uri: String) -> String { "/rdf_entity/" + JoinupURIEncoding.encode(uri) }

    @Test func everyDocumentOfTheFolderIsServedByteForByteAlsoGzipped() async throws {
        let server = RemoteServer(folder: fixtureFolder)
        var targets = [("/ontology/topic?_format=rdfxml", "topics.rdf")]
        for (alias, _) in try Self.fixtureCollections() {
            targets += [("/collection/\(alias)/feed.xml", "\(alias)/feed.xml"),
                        ("/collection/\(alias)?_format=rdfxml", "\(alias)/collection.rdf"),
                        ("/collection/\(alias)/members?_format=json", "\(alias)/members.json")]
        }
        #expect(targets.count >= 7)
        for (target, file) in targets {
            let stored = try Data(contentsOf: fixtureFolder.appendingPathComponent(file))
            let plain = await server.get(target)
            #expect(plain.status == 200, "\(target)")
            #expect(plain.body == stored, "\(target) is not \(file) byte for byte")
            let zipped = await server.get(target, headers: ["Accept-Encoding": "gzip"])
            #expect(zipped["Content-Encoding"] == "gzip", "\(target)")
            #expect(try Gzip.decompress(zipped.body) == stored, "\(target), gzip-decoded, is not \(file)")
        }
    }

    @Test func theAliasAndTheEncodedURIAnswerTheSameBytesAndValidators() async throws {
        let server = RemoteServer(folder: fixtureFolder)
        for (alias, uri) in try Self.fixtureCollections() {
            let entity = Self.entityPath(uri)
            for (byAlias, byURI) in [("/collection/\(alias)/feed.xml", "\(entity)/feed.xml"),
                                     ("/collection/\(alias)?_format=rdfxml", "\(entity)?_format=rdfxml"),
                                     ("/collection/\(alias)/members?_format=json", "\(entity)/members?_format=json")] {
                for headers in [[:], ["Accept-Encoding": "gzip"]] {
                    let one = await server.get(byAlias, headers: headers)
                    let other = await server.get(byURI, headers: headers)
                    #expect(one.status == 200 && other.status == 200, "\(byURI)")
                    #expect(one.body == other.body, "\(byAlias) and \(byURI) differ")
                    #expect(one["ETag"] != nil && one["ETag"] == other["ETag"], "\(byURI)")
                    #expect(one["Last-Modified"] == other["Last-Modified"], "\(byURI)")
                    var conditional = headers
                    conditional["If-None-Match"] = one["ETag"]
                    #expect(await server.get(byURI, headers: conditional).status == 304, "\(byURI)")
                }
            }
        }
        // Decoding is sparql_entity_storage's: the URI with one character changed names nothing.
        let (_, uri) = try #require(try Self.fixtureCollections().first)
        #expect(await server.get(Self.entityPath(uri + "0") + "/feed.xml").status == 404)
        #expect(await server.get("/rdf_entity/" + uri + "/feed.xml").status == 404, "the URI unencoded is not a path")
    }

    @Test func aFormatAPathDoesNotServeIs406AsOnDrupal() async throws {
        let folder = try TemporaryFolder()
        let data = try folder.copyOfFixtures()
        let (alias, uri) = try #require(try Self.fixtureCollections().first)
        let server = RemoteServer(folder: data)
        for target in ["/collection/\(alias)?_format=turtle", "/collection/\(alias)?_format=json",
                       "\(Self.entityPath(uri))?_format=ntriples", "/collection/\(alias)/feed.xml?_format=rdfxml",
                       "\(Self.entityPath(uri))/feed.xml?_format=json", "/collections.xml?_format=json",
                       "/ontology/topic?_format=json", "/collection/\(alias)/members?_format=xml"] {
            let response = await server.get(target)
            #expect(response.status == 406, "\(target) answered \(response.status)")
            #expect(response.body.text.hasPrefix("Not acceptable format: "), "\(target)")
        }
        #expect(await server.get("/collection/\(alias)/members?_format=json").status == 200)
        try FileManager.default.removeItem(at: data.appendingPathComponent("\(alias)/members.json"))
        #expect(await server.get("/collection/\(alias)/members?_format=json").status == 406,
                "a folder without members.json publishes members only as Joinup does: not as JSON")
        #expect(await server.get("/collection/\(alias)/members").status == 404)
        #expect(await server.get("/collection/\(alias)").status == 200, "the page itself, without _format")
    }

    /// A folder in Joinup's own shapes (EasyRdf RDF/XML with `ns0:` prefixes and no alias or
    /// homepage; the group feed with no categories): routed by folder name and `dcat:Catalog` URI.
    @Test func aFolderInJoinupsOwnShapesIsRoutedByFolderNameAndCatalogURI() async throws {
        let folder = try TemporaryFolder()
        let collection = folder.url.appendingPathComponent("data/indigo-monkey")
        try FileManager.default.createDirectory(at: collection, withIntermediateDirectories: true)
        let uri = "http://data.europa.eu/w21/8ed3a6b1-4c2d-4e5f-9a0b-1c2d3e4f5a6b"
        let rdf = Data("""
            <?xml version="1.0" encoding="utf-8" ?>
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
                     xmlns:dc="http://purl.org/dc/terms/"
                     xmlns:ns0="http://www.w3.org/ns/dcat#"
                     xmlns:ns1="http://joinup.eu/collection/">

              <ns0:Catalog rdf:about="\(uri)">
                <dc:title xml:lang="en">Indigo Monkey</dc:title>
                <dc:RightsStatement rdf:datatype="http://www.w3.org/2001/XMLSchema#boolean">1</dc:RightsStatement>
                <ns1:moderation rdf:datatype="http://www.w3.org/2001/XMLSchema#boolean">1</ns1:moderation>
              </ns0:Catalog>

            </rdf:RDF>

            """.utf8)
        let feed = Data("""
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0" xml:base="https://joinup.ec.europa.eu/collection/indigo-monkey" xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel>
                <title>Latest updates from the Indigo Monkey collection</title>
                <link>https://joinup.ec.europa.eu/collection/indigo-monkey</link>
                <description>This feed contains the latest published content from the Indigo Monkey collection, including the newest solutions.</description>
                <language>en</language>
                <item>
              <title>News: A &lt;cac:Party&gt; for Łódź</title>
              <link>https://joinup.ec.europa.eu/collection/indigo-monkey/news/party</link>
              <description>Plain text &lt;cac:Party&gt; cut at two hundred</description>
              <pubDate>Sun, 27 Oct 2024 02:30:00 +0100</pubDate>
                <dc:creator>Zoë Çelik</dc:creator>
                <guid isPermaLink="false">node 1234 at https://joinup.ec.europa.eu/</guid>
                </item>
              </channel>
            </rss>

            """.utf8)
        try rdf.write(to: collection.appendingPathComponent("collection.rdf"))
        try feed.write(to: collection.appendingPathComponent("feed.xml"))
        let server = RemoteServer(folder: folder.url.appendingPathComponent("data"))
        let entity = "/rdf_entity/http_e_f_fdata_ceuropa_ceu_fw21_f8ed3a6b1_b4c2d_b4e5f_b9a0b_b1c2d3e4f5a6b"
        for target in ["/collection/indigo-monkey/feed.xml", entity + "/feed.xml"] {
            #expect(await server.get(target).body == feed, "\(target)")
        }
        for target in ["/collection/indigo-monkey?_format=rdfxml", entity + "?_format=rdfxml"] {
            #expect(await server.get(target).body == rdf, "\(target)")
        }
        #expect(await server.get(entity + "/members?_format=json").status == 406)
        let entries = try CollectionDirectoryParser.parse(await server.get("/collections.xml").body)
        #expect(entries.map(\.alias) == ["indigo-monkey"])
        #expect(entries.map(\.uri) == [uri])
        #expect(entries.map(\.title) == ["Indigo Monkey"])
    }

    /// What the client's `RemoteLayout` asks for is what the server routes, whatever the URI holds
    /// (non-ASCII letters travel percent-encoded, the delimiters in Joinup's encoding).
    @Test func theClientsEntityPathsReachTheCollectionForAnyURI() async throws {
        let folder = try TemporaryFolder()
        let layout = try #require(RemoteLayout(base: "http://127.0.0.1"))
        let uris = ["http://data.europa.eu/w21/café_1", "https://example.org/c?id=7&x=(a)#frag", "urn:x:y%20z"]
        for (index, uri) in uris.enumerated() {
            let collection = folder.url.appendingPathComponent("data/c\(index)")
            try FileManager.default.createDirectory(at: collection, withIntermediateDirectories: true)
            try Data("""
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ns0="http://www.w3.org/ns/dcat#">
                  <ns0:Catalog rdf:about="\(uri.replacingOccurrences(of: "&", with: "&amp;"))"/>
                </rdf:RDF>
                """.utf8).write(to: collection.appendingPathComponent("collection.rdf"))
            try Data("<rss><channel><title>c\(index)</title></channel></rss>".utf8).write(to: collection.appendingPathComponent("feed.xml"))
        }
        let server = RemoteServer(folder: folder.url.appendingPathComponent("data"))
        for (index, uri) in uris.enumerated() {
            let target = String(layout.feed(.uri(uri)).dropFirst(layout.base.count))
            let response = await server.get(target)
            #expect(response.status == 200, "\(target)")
            #expect(response.body.text.contains("<title>c\(index)</title>"), "\(target)")
        }
    }

    /// A long folder feed is cut between its items: the pages' items are the file's items, byte
    /// for byte, in order, and only the next link is added.
    @Test func aLongFolderFeedIsPagedFromItsOwnBytes() async throws {
        let file = fixtureFolder.appendingPathComponent("open-source-observatory/feed.xml")
        let stored = try Data(contentsOf: file)
        let storedItems = Self.items(stored.text)
        #expect(storedItems.count > 5)
        let server = RemoteServer(folder: fixtureFolder, pageSize: 5)
        var target: String? = "/collection/open-source-observatory/feed.xml"
        var served: [String] = []
        var pageCount = 0
        while let current = target {
            let body = await server.get(current).body.text
            pageCount += 1
            #expect(body.hasPrefix(String(stored.text[..<stored.text.range(of: "<item>")!.lowerBound])), "the file's own channel head")
            #expect(body.hasSuffix("</rss>\n") == stored.text.hasSuffix("</rss>\n"))
            served += Self.items(body)
            let page = try RSSFeedParser.parse(Data(body.utf8), collectionURI: "urn:x")
            target = page.nextPageURL.map { String($0.dropFirst("http://127.0.0.1".count)) }
        }
        #expect(pageCount == (storedItems.count + 4) / 5)
        #expect(served == storedItems)
        #expect(await RemoteServer(folder: fixtureFolder, pageSize: storedItems.count).get("/collection/open-source-observatory/feed.xml").body == stored,
                "a feed that fits on one page is the file itself")
    }

    /// The `<item>…</item>` elements of a document, as text.
    static func items(_ text: String) -> [String] {
        text.components(separatedBy: "<item>").dropFirst().map { "<item>" + $0.components(separatedBy: "</item>")[0] + "</item>" }
    }
}
