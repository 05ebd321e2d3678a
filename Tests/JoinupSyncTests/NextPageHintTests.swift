import Foundation
import JoinupModel
@testable import JoinupSync
import Testing

/// The byte scan that lets the sync request a page's successor before the page is parsed.
@Suite struct NextPageHintTests {
    func hintAndParse(_ channelBody: String) throws -> (hint: String?, parsed: String?) {
        let data = Fixture.feed(channelBody)
        let page = try RSSFeedParser.parse(data, collectionURI: Fixture.collectionURI, resource: "test feed")
        return (NextPageHint.scan(data), page.nextPageURL)
    }

    @Test func agreesWithTheParserOnAPagedHeader() throws {
        let read = try hintAndParse("""
        <atom:link rel="self" type="application/rss+xml" href="http://127.0.0.1:8080/c/feed.xml?page=1&amp;v=abc"/>
        <atom:link rel="next" type="application/rss+xml" href="http://127.0.0.1:8080/c/feed.xml?page=2&amp;v=abc"/>
        """ + Fixture.item(title: "News: A"))
        #expect(read.hint == "http://127.0.0.1:8080/c/feed.xml?page=2&v=abc")
        #expect(read.hint == read.parsed)
    }

    @Test func lastPageHasNoHint() throws {
        let read = try hintAndParse(#"<atom:link rel="self" href="https://example.org/feed.xml?page=9"/>"# + Fixture.item(title: "News: A"))
        #expect(read.hint == nil)
        #expect(read.parsed == nil)
    }

    @Test func givesUpWhereItCouldReadDifferentlyFromTheParser() throws {
        // A comment could hide a link from the parser; an unknown entity or a line break in the
        // value would be read differently; a link after the first item is not looked for.
        let hidden = try hintAndParse("<!-- <atom:link rel=\"next\" href=\"https://example.org/x\"/> -->" + Fixture.item(title: "News: A"))
        #expect(hidden.hint == nil)
        #expect(hidden.parsed == nil)
        let numeric = try hintAndParse(#"<atom:link rel="next" href="https://example.org/feed.xml?page=2&#38;v=1"/>"# + Fixture.item(title: "News: A"))
        #expect(numeric.hint == nil)
        #expect(numeric.parsed == "https://example.org/feed.xml?page=2&v=1")
        let late = try hintAndParse(Fixture.item(title: "News: A") + #"<atom:link rel="next" href="https://example.org/p2"/>"#)
        #expect(late.hint == nil)
        #expect(late.parsed == "https://example.org/p2")
    }

    @Test func aSecondLinkAfterTheItemsIsWhereTheyDisagree() throws {
        // The parser keeps the last next link; the scan sees only the header. The sync then drops
        // the page it read ahead and follows the parsed link.
        let read = try hintAndParse(#"<atom:link rel="next" href="https://example.org/p2"/>"# + Fixture.item(title: "News: A")
                                    + #"<atom:link rel="next" href="https://example.org/p3"/>"#)
        #expect(read.hint == "https://example.org/p2")
        #expect(read.parsed == "https://example.org/p3")
    }
}
