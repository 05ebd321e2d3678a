import Foundation
import JoinupModel
@testable import JoinupSync
import Testing

@Suite struct RSSFeedParserTests {
    func parse(_ channelBody: String) throws -> FeedPage {
        try RSSFeedParser.parse(Fixture.feed(channelBody), collectionURI: Fixture.collectionURI, resource: "test feed")
    }

    @Test func newsTitlePrefixGivesKind() throws {
        let page = try parse(Fixture.item(title: "News: Hello world") + Fixture.item(title: "Event: A meetup", guid: "2")
                             + Fixture.item(title: "Solution: A tool", guid: "3") + Fixture.item(title: "Plain title", guid: "4"))
        #expect(page.items.map(\.kind) == [.news, .event, .solution, .news])
        #expect(page.items.map(\.title) == ["Hello world", "A meetup", "A tool", "Plain title"])
    }

    @Test func typeCategoryWinsOverTitlePrefixAndIsNotATopic() throws {
        let page = try parse(Fixture.item(title: "News: Minutes", extra: #"<category domain="type">Document</category>"#))
        let item = try #require(page.items.first)
        #expect(item.kind == .document)
        #expect(item.title == "Minutes")
        #expect(item.topicURIs.isEmpty)
        #expect(page.categoryTopics.isEmpty)
    }

    @Test func nonURLGuidIsTheItemId() throws {
        let page = try parse(Fixture.item(title: "News: A", guid: "12345 at https://joinup.ec.europa.eu"))
        #expect(page.items.first?.id == "12345 at https://joinup.ec.europa.eu")
        #expect(page.items.first?.collectionURI == Fixture.collectionURI)
    }

    @Test func summerAndWinterOffsetsGiveTheRightInstant() throws {
        let page = try parse(Fixture.item(title: "News: Summer", guid: "1", pubDate: "Mon, 26 Jun 2023 13:43:00 +0200")
                             + Fixture.item(title: "News: Winter", guid: "2", pubDate: "Thu, 20 Jan 2022 14:30:00 +0100"))
        #expect(page.items.map(\.published) == [Fixture.iso("2023-06-26T11:43:00Z"), Fixture.iso("2022-01-20T13:30:00Z")])
        #expect(JoinupDate.lastUpdate(page.items[0].published) == "Mon, 26/06/2023 - 13:43")
    }

    @Test func itemWithoutCategoriesHasNoTopics() throws {
        let page = try parse(Fixture.item(title: "Discussion: Open question"))
        let item = try #require(page.items.first)
        #expect(item.topicURIs.isEmpty)
        #expect(item.kind == .discussion)
    }

    @Test func categoriesKeepFeedOrderAndBecomeTopics() throws {
        let extra = """
        <category domain="http://joinup.eu/ontology/topic#legal">Legal</category>
        <category domain="http://joinup.eu/ontology/topic/category#ict">ICT</category>
        <category domain="http://joinup.eu/ontology/topic#legal">Legal</category>
        """
        let page = try parse(Fixture.item(title: "News: T", extra: extra))
        #expect(page.items.first?.topicURIs == ["http://joinup.eu/ontology/topic#legal", "http://joinup.eu/ontology/topic/category#ict"])
        #expect(page.categoryTopics == [
            Topic(uri: "http://joinup.eu/ontology/topic#legal", label: "Legal"),
            Topic(uri: "http://joinup.eu/ontology/topic/category#ict", label: "ICT"),
        ])
        #expect(page.categoryTopics[1].level == .category)
    }

    @Test func categoryWithoutDomainIsKeyedByItsLabel() throws {
        let page = try parse(Fixture.item(title: "News: T", extra: "<category>Smart cities</category>"))
        #expect(page.items.first?.topicURIs == ["Smart cities"])
        #expect(page.categoryTopics == [Topic(uri: "Smart cities", label: "Smart cities", level: .term)])
    }

    @Test func escapedHTMLInContentEncodedWithEntitiesBecomesParagraphs() throws {
        let encoded = "<content:encoded>&lt;p&gt;The EC&#8217;s plan &amp;amp; more.&lt;/p&gt;&lt;p&gt;Second&amp;nbsp;one.&lt;/p&gt;</content:encoded>"
        let page = try parse(Fixture.item(title: "News: T", extra: "<description>The EC’s plan</description>" + encoded))
        #expect(page.items.first?.body == "The EC’s plan & more.\n\nSecond one.")
    }

    @Test func cdataContentEncodedMayUseHTMLEntities() throws {
        let encoded = "<content:encoded><![CDATA[<p>Caf&eacute; &nbsp;&ndash; &#x2019;quoted&#8217;</p>\n<ul><li>one</li><li>two</li></ul>]]></content:encoded>"
        let page = try parse(Fixture.item(title: "News: T", extra: encoded))
        #expect(page.items.first?.body == "Café – ’quoted’\n\n• one\n• two")
    }

    @Test func joinupsDescriptionIsPlainTextNotMarkup() throws {
        // Joinup strips the body's HTML before it writes the feed: what looks like a tag is text.
        let description = "<description>Parties are &lt;cac:Party&gt; elements; see &lt;b&gt;UBL&lt;/b&gt; &amp;amp; co.</description>"
        let page = try parse(Fixture.item(title: "Document: T", extra: description))
        #expect(page.items.first?.body == "Parties are <cac:Party> elements; see <b>UBL</b> &amp; co.")
    }

    @Test func aDescriptionJoinupCutAtTwoHundredCharactersIsMarkedAsCut() throws {
        let long = String(repeating: "Interoperability ", count: 12)  // 204 characters
        let cut = String(long.prefix(200))                              // ends mid-word, as Joinup's cut does
        let page = try parse(Fixture.item(title: "News: T", extra: "<description>\(cut)</description>"))
        #expect(page.items.first?.body == cut + "…")
        // A short description, or one that ends a sentence at the limit, is whole.
        let whole = String(repeating: "x", count: 199) + "."
        for text in ["A short summary", whole] {
            let item = try parse(Fixture.item(title: "News: T", extra: "<description>\(text)</description>")).items.first
            #expect(item?.body == text)
        }
        #expect(FeedSummary.joinupDescription(of: long + "  tail\n\nmore") == cut)
    }

    @Test func customPagesAreAContentTypeOfTheirOwn() throws {
        let page = try parse(Fixture.item(title: "Custom page: About this collection"))
        #expect(page.items.first?.kind == .customPage)
        #expect(page.items.first?.title == "About this collection")
        #expect(ItemKind(label: "custom page") == .customPage && ItemKind(label: "Custom-Page") == .customPage)
        #expect(ItemKind(label: " News\t") == .news && ItemKind(label: "EVENT") == .event && ItemKind(label: "\u{A0}Event\u{A0}") == .event)
        #expect(ItemKind.customPage.counted(2) == "2 Custom pages")
    }

    @Test func nextLinkAndCompleteFlagAreRead() throws {
        let paged = try parse("""
        <atom:link rel="self" href="https://example.org/feed.xml?page=1"/>
        <atom:link rel="next" href="https://example.org/feed.xml?page=2"/>
        """ + Fixture.item(title: "News: A"))
        #expect(paged.nextPageURL == "https://example.org/feed.xml?page=2")
        #expect(paged.selfURL == "https://example.org/feed.xml?page=1")
        #expect(!paged.isComplete)

        let complete = try parse("<fh:complete/>" + Fixture.item(title: "News: A"))
        #expect(complete.isComplete)
        #expect(complete.nextPageURL == nil)
        #expect(complete.title == "Test collection")
        #expect(complete.link == "https://example.org/collection/test")
    }

    @Test func eventModuleGivesDatesAndLocation() throws {
        let extra = """
        <ev:startdate>2023-11-21T09:00:00+01:00</ev:startdate>
        <ev:enddate>2023-11-21T18:00:00+01:00</ev:enddate>
        <ev:location>Brussels</ev:location>
        """
        let item = try #require(try parse(Fixture.item(title: "Event: Conf", extra: extra)).items.first)
        #expect(item.kind == .event)
        #expect(item.eventStart == Fixture.iso("2023-11-21T08:00:00Z"))
        #expect(item.eventEnd == Fixture.iso("2023-11-21T17:00:00Z"))
        #expect(item.eventLocation == "Brussels")
        #expect(item.listDate == item.eventStart)
    }

    @Test func malformedXMLThrowsWithLineAndColumn() {
        // Line 1 is the XML declaration; the mismatched end tag sits on line 6 of the document.
        let data = Data("""
        <?xml version="1.0"?>
        <rss version="2.0">
        <channel>
        <title>T</title>
        <item><title>News: A</title>
        <link>x</guid>
        </item></channel></rss>
        """.utf8)
        #expect {
            _ = try RSSFeedParser.parse(data, collectionURI: Fixture.collectionURI, resource: "broken.xml")
        } throws: { error in
            guard let error = error as? FeedParseError, case let .malformedXML(line, column, _, _) = error.reason else { return false }
            return line == 6 && column > 0 && error.resource == "broken.xml"
                && error.message.contains("broken.xml") && error.message.contains("line 6")
        }
    }

    @Test func undeclaredHTMLEntityOutsideCDATAFailsTheWholePage() {
        // Earlier items parse fine, but the page must not come back partial.
        let body = Fixture.item(title: "News: Fine", guid: "1") + Fixture.item(title: "News: Broken&nbsp;title", guid: "2")
        #expect {
            _ = try parse(body)
        } throws: { error in
            guard let error = error as? FeedParseError, case let .malformedXML(_, _, code, detail) = error.reason else { return false }
            return code == 26 && detail.contains("undeclared entity")
        }
    }

    @Test func anItemWithAnUnreadableDateIsSkippedCountedAndTheOthersKept() throws {
        let page = try parse(Fixture.item(title: "News: A", guid: "1") + Fixture.item(title: "News: B", guid: "2", pubDate: "yesterday")
                             + Fixture.item(title: "News: C", guid: "3", pubDate: "999-12-27T07:26:30+00:17")
                             + Fixture.item(title: "News: D", guid: "4"))
        #expect(page.items.map(\.id) == ["1", "4"])
        #expect(page.skippedItems.counts == ["invalid date": 2])
        #expect(page.skippedItems.ids == ["2", "3"])
        #expect(page.skippedItems.first == FeedParseError(resource: "test feed", reason: .invalidValue(field: "pubDate", value: "yesterday", context: "item 2")))
        #expect(page.skippedItems.summary == "2 items skipped (invalid date)")
    }

    @Test func skipsAreCountedByReasonMostFrequentFirst() throws {
        let noID = "<item><title>News: X</title><pubDate>Mon, 26 Jun 2023 13:43:00 +0200</pubDate></item>"
        let page = try parse(noID + Fixture.item(title: "News: B", guid: "2", pubDate: "yesterday") + noID)
        #expect(page.items.isEmpty)
        #expect(page.skippedItems.summary == "3 items skipped (2 no guid or link, 1 invalid date)")
        #expect(page.skippedItems.ids == ["2"], "an item without an id has none to keep")
    }

    @Test func htmlPageIsNotAFeed() {
        #expect(throws: FeedParseError(resource: "page", reason: .unexpectedDocument(expected: "an RSS 2.0 feed (rss/channel)"))) {
            _ = try RSSFeedParser.parse(Data("<html><body><p>Hi</p></body></html>".utf8), collectionURI: "x", resource: "page")
        }
    }

    @Test func c1EscapeSequencesInTitlesAreStripped() throws {
        // XML 1.0 allows C1 controls, so 8-bit CSI (U+009B) and OSC (U+009D) can reach the parser.
        let page = try parse(Fixture.item(title: "News: Hi \u{9B}31mred\u{9D}52;c;ZXZpbA==\u{9C} done",
                                          extra: "<dc:creator>Eve\u{9B}2J</dc:creator>"))
        let item = try #require(page.items.first)
        #expect(!item.title.unicodeScalars.contains { (0x80...0x9F).contains($0.value) })
        #expect(item.title.hasPrefix("Hi ") && item.title.hasSuffix(" done"))
        #expect(!item.author.unicodeScalars.contains { (0x80...0x9F).contains($0.value) })
    }

    @Test func escapeAndBellInTitleNeverReachTheItem() {
        // ESC and BEL are not legal XML 1.0 characters, raw or as references: the document is refused.
        for title in ["News: \u{1B}[31mred", "News: &#27;]52;c;ZXZpbA==&#7;"] {
            #expect(throws: FeedParseError.self) { _ = try parse(Fixture.item(title: title)) }
        }
    }

    @Test func escapeSequencesSmuggledThroughHTMLEntitiesAreStripped() throws {
        // Double-escaped: XML gives "&#27;[31m", then HTML decoding would produce a real ESC.
        let description = "<content:encoded>&lt;p&gt;&amp;#27;[31mred &amp;#27;]52;c;ZXZpbA==&amp;#7; done&lt;/p&gt;</content:encoded>"
        let item = try #require(try parse(Fixture.item(title: "News: T", extra: description)).items.first)
        #expect(!item.body.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
        #expect(item.body == "[31mred ]52;c;ZXZpbA== done")
    }

    @Test func feedsOfTenMegabytesOrMoreParse() throws {
        // XMLParser(data:) reports failure at 10,000,000 bytes; the stream path must not.
        let padding = String(repeating: "x", count: 1_000)
        var body = ""
        var count = 0
        while body.utf8.count < 10_200_000 {
            count += 1
            body += Fixture.item(title: "News: Item \(count)", guid: "\(count) at https://joinup.ec.europa.eu",
                                 extra: "<description>\(padding)</description>")
        }
        let data = Fixture.feed("<fh:complete/>" + body)
        #expect(data.count >= 10_000_000)
        let page = try RSSFeedParser.parse(data, collectionURI: Fixture.collectionURI)
        #expect(page.items.count == count)
        #expect(page.items.last?.title == "Item \(count)")
        #expect(page.isComplete)
    }
}
