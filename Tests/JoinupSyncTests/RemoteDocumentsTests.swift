import Foundation
import JoinupSync
import Testing

@Suite struct RemoteDocumentsTests {
    @Test func theLayoutBuildsDesignsPathsFromABaseURL() throws {
        let layout = try #require(RemoteLayout(base: "http://127.0.0.1:8080/"))
        #expect(layout.directory == "http://127.0.0.1:8080/collections.xml")
        #expect(layout.feed("ec-ospo") == "http://127.0.0.1:8080/collection/ec-ospo/feed.xml")
        #expect(layout.metadata("ec-ospo") == "http://127.0.0.1:8080/collection/ec-ospo?_format=rdfxml")
        #expect(layout.members("ec-ospo") == "http://127.0.0.1:8080/collection/ec-ospo/members?_format=json")
        #expect(layout.topics == "http://127.0.0.1:8080/ontology/topic?_format=rdfxml")
        #expect(layout.feed("a b/c") == "http://127.0.0.1:8080/collection/a%20b%2Fc/feed.xml")
        #expect(RemoteLayout(base: "ftp://example.org") == nil)
        #expect(RemoteLayout(base: "example.org") == nil)
    }

    @Test func theDirectoryGivesAliasesTitlesAndClosedFlags() throws {
        let data = Data("""
            <?xml version="1.0"?>
            <rss version="2.0"><channel><title>Collections</title>
            <item><title>Open one</title><link>http://x/collection/open-one</link><guid>urn:a</guid>
              <category domain="alias">open-one</category><category domain="closed">false</category></item>
            <item><title>Closed one</title><link>http://x/collection/closed-one</link>
              <category domain="closed">true</category></item>
            </channel></rss>
            """.utf8)
        let entries = try CollectionDirectoryParser.parse(data)
        #expect(entries == [
            DirectoryEntry(alias: "open-one", title: "Open one", pageURL: "http://x/collection/open-one", uri: "urn:a", isClosed: false),
            DirectoryEntry(alias: "closed-one", title: "Closed one", pageURL: "http://x/collection/closed-one", uri: nil, isClosed: true),
        ])
        #expect(throws: FeedParseError.self) { try CollectionDirectoryParser.parse(Data("<html/>".utf8)) }
    }

    @Test func errorsSayWhatFailedWhereAndWhatToDo() {
        let refused = SyncError.cannotConnect(url: "http://127.0.0.1:1/collections.xml", detail: "connection refused")
        #expect(refused.message.contains("http://127.0.0.1:1/collections.xml") && refused.message.contains("--remote"))
        #expect(SyncError.httpStatus(url: "u", status: 503).message.contains("server error"))
        #expect(SyncError.tooLarge(url: "u", limit: 64 << 20).message.contains("64 MB"))
    }
}
