import Foundation
import JoinupModel
@testable import JoinupRemote
import JoinupSync
import JoinupTestSupport
import Testing

@Suite struct GeneratorTests {
    @Test func theSameSeedGivesTheSameDataAndAnotherSeedDoesNot() {
        let a = CollectionGenerator.generate(itemsPerCollection: 200, collections: 2, seed: 42)
        let b = CollectionGenerator.generate(itemsPerCollection: 200, collections: 2, seed: 42)
        let c = CollectionGenerator.generate(itemsPerCollection: 200, collections: 2, seed: 43)
        #expect(a == b)
        #expect(a.collections[0].items != c.collections[0].items)
        #expect(a.collections[0].items != a.collections[1].items)
    }

    @Test func largeCollectionsStayWithinARealisticSpanOfDates() {
        // 20,000 items at the old gaps (up to a day each) reached back to the 1990s; a million
        // reached the year 999. Every date must stay between 2010 and mid-2024, newest first.
        let items = CollectionGenerator.generate(itemsPerCollection: 20_000, seed: 7).collections[0].items
        let dates = items.map(\.published)
        #expect(dates.min()! >= CollectionGenerator.oldestPublication)
        #expect(dates.max()! < CollectionGenerator.newestPublication)
        #expect(zip(dates, dates.dropFirst()).allSatisfy { $0 > $1 })
        // A million items: even the widest gap, every time, stays inside the span.
        let widest = CollectionGenerator.publicationGap(minutes: 1_440, itemsPerCollection: 1_000_000)
        #expect(CollectionGenerator.newestPublication.addingTimeInterval(-widest * 1_000_000)
                    >= CollectionGenerator.oldestPublication)
        #expect(widest >= 1)
    }

    @Test func aMillionItemsOfSeedOneAllHaveDatesAFeedReaderAccepts() throws {
        // `joinup-remote --generate 1000000 --seed 1` once wrote "999-12-27T07:26:30+00:17", and the
        // sync refused the collection. Walk the same million items one at a time (no array).
        var oldest = Date.distantFuture, newest = Date.distantPast, count = 0
        var previous = Date.distantFuture, ordered = true
        for item in CollectionGenerator.itemStream(itemsPerCollection: 1_000_000, seed: 1) {
            count += 1
            ordered = ordered && item.published < previous
            previous = item.published
            for date in [item.published, item.eventStart, item.eventEnd].compactMap({ $0 }) {
                oldest = min(oldest, date)
                newest = max(newest, date)
            }
        }
        #expect(count == 1_000_000)
        #expect(ordered, "newest first, no two at the same second")
        #expect(oldest >= CollectionGenerator.oldestPublication)
        #expect(newest < CollectionGenerator.newestPublication.addingTimeInterval(61 * 86_400), "events start at most 60 days out")
        // The extremes, as the feed writes them, read back to the same instant.
        for date in [oldest, newest] {
            #expect(FeedDate.rfc822(WireFormat.rfc822(date)) == date)
            #expect(FeedDate.iso8601(WireFormat.iso8601(date)) == date)
        }
    }

    @Test func theItemStreamMakesTheItemsGenerateMakes() {
        let made = CollectionGenerator.generate(itemsPerCollection: 300, collections: 2, seed: 5).collections[1].items
        #expect(Array(CollectionGenerator.itemStream(itemsPerCollection: 300, collection: 1, seed: 5)) == made)
    }

    @Test func smallCollectionsKeepTheirGaps() {
        #expect(CollectionGenerator.publicationGap(minutes: 10, itemsPerCollection: 500) == 600)
        #expect(CollectionGenerator.publicationGap(minutes: 1_440, itemsPerCollection: 5_000) == 86_400)
    }

    @Test func vocabularyHasJoinupsTwoLevelShape() {
        let topics = CollectionGenerator.vocabulary
        let categories = topics.filter(\.isCategory)
        let terms = topics.filter { !$0.isCategory }
        #expect((32...48).contains(terms.count))
        #expect((9...15).contains(categories.count))
        let categoryURIs = Set(categories.map(\.uri))
        #expect(terms.allSatisfy { $0.parentURI.map(categoryURIs.contains) == true })
        let labelsByURI = Dictionary(uniqueKeysWithValues: categories.map { ($0.uri, $0.label) })
        let sharing = terms.filter { labelsByURI[$0.parentURI!] == $0.label }
        #expect(sharing.count >= 3, "several terms share their category's label, as ICT does on Joinup")
        #expect(Set(topics.map(\.uri)).count == topics.count)
    }

    @Test func itemsHaveEveryKindOneToFiveTopicsAndEventDates() {
        let set = CollectionGenerator.generate(itemsPerCollection: 500, collections: 3, seed: 1)
        let known = Set(set.vocabulary.map(\.uri))
        for generated in set.collections {
            let items = generated.items
            #expect(Set(items.map(\.kind)) == Set(ItemKind.allCases))
            #expect(items.allSatisfy { (1...5).contains($0.topicURIs.count) && Set($0.topicURIs).count == $0.topicURIs.count })
            #expect(items.allSatisfy { $0.topicURIs.allSatisfy(known.contains) })
            for event in items where event.kind == .event {
                #expect(event.eventStart != nil && event.eventEnd! > event.eventStart! && event.eventLocation != nil)
            }
            #expect(items.allSatisfy { $0.kind == .event || $0.eventStart == nil })
            #expect(items.contains { $0.title.unicodeScalars.contains { !$0.isASCII } })
            #expect(Set(items.map(\.id)).count == items.count)
            #expect(zip(items, items.dropFirst()).allSatisfy { $0.published > $1.published })
            #expect(generated.members.contains { $0.roles.contains(.owner) })
            #expect(generated.members.contains { $0.state == .active })
        }
        #expect(set.collections.contains { $0.collection.isClosed })
        #expect(set.collections.contains { !$0.collection.isClosed })
    }

    @Test func aWrittenDataFolderParsesBackToTheGeneratedData() throws {
        let folder = try TemporaryFolder()
        let set = CollectionGenerator.generate(itemsPerCollection: 60, collections: 2, seed: 5)
        try set.write(to: folder.url)
        let vocabulary = try SKOSTopicParser.parse(Data(contentsOf: folder.url.appendingPathComponent("topics.rdf")))
        #expect(vocabulary == set.vocabulary)
        for generated in set.collections {
            let dir = folder.url.appendingPathComponent(generated.collection.alias)
            let collection = try CollectionRDFParser.parse(Data(contentsOf: dir.appendingPathComponent("collection.rdf")))
            // The metadata names no page: a sync fills it in from where the document came.
            var expected = generated.collection
            (expected.pageURL, expected.feedURL, expected.metadataURL) = ("", "", "")
            #expect(collection == expected)
            let feed = try RSSFeedParser.parse(Data(contentsOf: dir.appendingPathComponent("feed.xml")), collectionURI: collection.uri)
            #expect(feed.items == generated.items)
            #expect(feed.isComplete)
            let members = try MembersJSONParser.parse(Data(contentsOf: dir.appendingPathComponent("members.json")),
                                                      collectionURI: collection.uri)
            #expect(members == generated.members)
        }
    }

    /// What the benchmarks generate (how long it takes is measured by joinup-bench, docs/BENCHMARKS.md).
    @Test func aHundredThousandItemsAreMadeWithDistinctIDsNewestFirst() {
        let items = CollectionGenerator.generate(itemsPerCollection: 100_000, collections: 1, seed: 9).collections[0].items
        #expect(items.count == 100_000)
        #expect(Set(items.map(\.id)).count == 100_000)
        #expect(zip(items, items.dropFirst()).allSatisfy { $0.published > $1.published })
    }
}
