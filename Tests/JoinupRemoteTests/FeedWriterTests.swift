import Foundation
import JoinupModel
@testable import JoinupRemote
import JoinupSync
import JoinupTestSupport
import Testing

@Suite struct FeedWriterTests {
    @Test func parsingWhatWasWrittenGivesTheGeneratedItemsBack() throws {
        let set = CollectionGenerator.generate(itemsPerCollection: 300, collections: 1, seed: 7)
        let generated = set.collections[0]
        let labels = Dictionary(set.vocabulary.map { ($0.uri, $0.label) }, uniquingKeysWith: { a, _ in a })
        let data = FeedWriter.write(channel: FeedChannel(title: "T", link: "https://example.org/c", isComplete: true),
                                    items: generated.items, topicLabels: labels)
        let page = try RSSFeedParser.parse(data, collectionURI: generated.collection.uri)
        #expect(page.items.count == generated.items.count)
        for (read, written) in zip(page.items, generated.items) {
            #expect(read == written)
        }
        #expect(page.isComplete)
        #expect(page.nextPageURL == nil)
    }

    @Test(arguments: ["ec-open-source-programme-office", "open-source-observatory", "cybersecurity-working-group"])
    func fixtureFeedsSurviveARewrite(alias: String) throws {
        let original = try Data(contentsOf: fixtureFolder.appendingPathComponent("\(alias)/feed.xml"))
        let first = try RSSFeedParser.parse(original, collectionURI: "urn:x")
        let labels = Dictionary(first.categoryTopics.map { ($0.uri, $0.label) }, uniquingKeysWith: { a, _ in a })
        let rewritten = FeedWriter.write(
            channel: FeedChannel(title: first.title, link: first.link, nextURL: "https://example.org/next?page=2&v=1",
                                 isComplete: first.isComplete),
            items: first.items, topicLabels: labels)
        let second = try RSSFeedParser.parse(rewritten, collectionURI: "urn:x")
        #expect(second.items == first.items)
        #expect(second.categoryTopics == first.categoryTopics)
        #expect(second.title == first.title)
        #expect(second.nextPageURL == "https://example.org/next?page=2&v=1")
    }

    @Test func markupInTextIsEscapedNotInterpreted() throws {
        let item = Item(id: "1 & <2>", collectionURI: "urn:x", kind: .discussion, title: "Is <b>this</b> & \"that\" ok?",
                        link: "https://example.org/a?b=1&c=2", body: "Line <one> & more\nsecond line\n\nNext paragraph",
                        author: "Zoë & Jiří", published: Date(timeIntervalSince1970: 1_700_000_000),
                        eventStart: nil, eventEnd: nil, eventLocation: nil, topicURIs: ["http://joinup.eu/ontology/topic#ict"])
        let data = FeedWriter.write(channel: FeedChannel(title: "a & b", link: "https://example.org", isComplete: false),
                                    items: [item], topicLabels: [:])
        let page = try RSSFeedParser.parse(data, collectionURI: "urn:x")
        #expect(page.items == [item])
        #expect(!page.isComplete)
        #expect(page.title == "a & b")
    }

    @Test func datesAreWrittenInBrusselsTime() {
        let summer = Date(timeIntervalSince1970: 1_687_779_780)  // 2023-06-26 11:43 UTC
        let winter = Date(timeIntervalSince1970: 1_700_553_600)  // 2023-11-21 08:00 UTC
        #expect(WireFormat.rfc822(summer) == "Mon, 26 Jun 2023 13:43:00 +0200")
        #expect(WireFormat.iso8601(winter) == "2023-11-21T09:00:00+01:00")
        #expect(WireFormat.httpDate(summer) == "Mon, 26 Jun 2023 11:43:00 GMT")
    }
}
