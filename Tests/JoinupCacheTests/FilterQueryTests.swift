import Foundation
import GRDB
import JoinupModel
import JoinupTestSupport
import Testing
@testable import JoinupCache

/// Every `ItemFilter` field, the facets and type counts, sorts, full-text search and saved views,
/// against real SQLite files.
@Suite struct FilterQueryTests {
    let folder: TemporaryFolder
    let cache: CacheDatabase
    let uri = Fixture.collectionURI
    /// The moment "now" for event timing: day 10 of the fixture calendar.
    let now = Fixture.date(10)

    static func item(_ n: Int, kind: ItemKind = .news, topics: [Topic], day: Double, title: String,
                     body: String = "", author: String = "Someone") -> Item {
        var item = Fixture.item(n, kind: kind, topics: topics, day: day, title: title)
        item.body = body
        item.author = author
        if kind == .event {
            item.published = Fixture.date(0)
            item.eventStart = Fixture.date(day)
            item.eventEnd = Fixture.date(day + 0.5)
        }
        return item
    }

    static let items: [Item] = [
        item(1, topics: [Fixture.oss], day: 1, title: "Open source in the public sector",
             body: "Un rapport européen sur le logiciel libre.", author: "Zoë Novák"),
        item(2, kind: .event, topics: [Fixture.security, Fixture.legal], day: 12, title: "Workshop on security",
             body: "Hands-on session.", author: "Łukasz Müller"),
        item(3, kind: .event, topics: [Fixture.ict], day: 4, title: "Webinar: interoperability",
             body: "Recorded.", author: "Ana García"),
        item(4, kind: .document, topics: [Fixture.legal, Fixture.egov], day: 6, title: "Étude juridique",
             body: "Legal study of procurement.", author: "zoe novak"),
        item(5, kind: .discussion, topics: [], day: 8, title: "apples and oranges",
             body: "No topic at all.", author: "Ana García"),
        item(6, topics: [Fixture.govCategory, Fixture.oss], day: 3, title: "Bananas",
             body: "OPEN data in government.", author: "Jürgen Köhler"),
    ]

    init() throws {
        folder = try TemporaryFolder()
        cache = try CacheDatabase(path: folder.path("cache.sqlite"))
        try cache.apply(Fixture.snapshot(items: Self.items, members: Self.members), origin: .embeddedSnapshot)
    }

    private func titles(_ filter: ItemFilter, sort: ItemSort = .newest) throws -> [String] {
        try cache.itemSummaries(collectionURI: uri, filter: filter, sort: sort, offset: 0, limit: 100, now: now).map(\.title)
    }

    private func numbers(_ filter: ItemFilter) throws -> Set<Int> {
        Set(try cache.itemSummaries(collectionURI: uri, filter: filter, offset: 0, limit: 100, now: now)
            .compactMap { Int($0.id.split(separator: " ")[0]) })
    }

    // MARK: Each field

    @Test func kindsCombineWithOr() throws {
        #expect(try numbers(ItemFilter(kinds: [.event])) == [2, 3])
        #expect(try numbers(ItemFilter(kinds: [.event, .document])) == [2, 3, 4])
        #expect(try cache.itemCount(collectionURI: uri, filter: ItemFilter(kinds: [.solution]), now: now) == 0)
    }

    @Test func topicsCombineWithOrAndCategoriesMatchTheirChildren() throws {
        #expect(try numbers(ItemFilter(topicURIs: [Fixture.ictCategory.uri])) == [1, 2, 3, 6])
        #expect(try numbers(ItemFilter(topicURIs: [Fixture.ict.uri, Fixture.egov.uri])) == [3, 4])
        // Item 6 carries the Digital government category itself.
        #expect(try numbers(ItemFilter(topicURIs: [Fixture.govCategory.uri])) == [2, 4, 6])
    }

    @Test func excludedTopicsRemoveItemsCarryingThem() throws {
        #expect(try numbers(ItemFilter(excludedTopicURIs: [Fixture.ictCategory.uri])) == [4, 5])
        #expect(try numbers(ItemFilter(topicURIs: [Fixture.govCategory.uri], excludedTopicURIs: [Fixture.security.uri])) == [4, 6])
    }

    @Test func textMatchesWordPrefixesInTitleBodyAndAuthor() throws {
        #expect(try numbers(ItemFilter(text: "europeen")) == [1])            // body "européen"
        #expect(try numbers(ItemFilter(text: "EUROP")) == [1])
        #expect(try numbers(ItemFilter(text: "OPEN")) == [1, 6])             // "Open source", "OPEN data"
        #expect(try numbers(ItemFilter(text: "etude")) == [4])               // title "Étude"
        #expect(try numbers(ItemFilter(text: "muller")) == [2])              // author "Müller"
        #expect(try numbers(ItemFilter(text: "open sect")) == [1])           // every word must match
        #expect(try numbers(ItemFilter(text: "zzz")) == [])
        #expect(try numbers(ItemFilter(text: "  ,;  ")) == [1, 2, 3, 4, 5, 6])  // no word: no constraint
    }

    @Test func authorIsAFoldedContains() throws {
        #expect(try numbers(ItemFilter(author: "novak")) == [1, 4])
        #expect(try numbers(ItemFilter(author: "ZOË")) == [1, 4])
        #expect(try numbers(ItemFilter(author: "garc")) == [3, 5])
        #expect(try numbers(ItemFilter(author: "")) == [1, 2, 3, 4, 5, 6])
        #expect(try numbers(ItemFilter(author: "%")) == [])
    }

    @Test func sinceAndUntilBoundTheListDate() throws {
        #expect(try numbers(ItemFilter(since: Fixture.date(6))) == [2, 4, 5])
        #expect(try numbers(ItemFilter(until: Fixture.date(4))) == [1, 6])
        #expect(try numbers(ItemFilter(since: Fixture.date(3), until: Fixture.date(8))) == [3, 4, 6])
    }

    @Test func eventTimingUsesTheInjectedNow() throws {
        #expect(try numbers(ItemFilter(eventTiming: .upcoming)) == [2])
        #expect(try numbers(ItemFilter(eventTiming: .past)) == [3])
        let later = Fixture.date(20)
        #expect(try cache.itemCount(collectionURI: uri, filter: ItemFilter(eventTiming: .upcoming), now: later) == 0)
        #expect(try cache.itemCount(collectionURI: uri, filter: ItemFilter(eventTiming: .past), now: later) == 2)
    }

    /// The counts beside Upcoming and Past ignore the Upcoming/Past choice itself but follow the
    /// other filters; they are only counted while Event is selected.
    @Test func upcomingAndPastAreCountedOverTheOtherFilters() throws {
        func counts(_ filter: ItemFilter) throws -> [EventTiming: Int] {
            try cache.filteredItems(collectionURI: uri, filter: filter, limit: 10, now: now).eventTimingCounts
        }
        #expect(try counts(ItemFilter(kinds: [.event])) == [.upcoming: 1, .past: 1])
        #expect(try counts(ItemFilter(kinds: [.event], eventTiming: .upcoming)) == [.upcoming: 1, .past: 1])
        #expect(try counts(ItemFilter(topicURIs: [Fixture.security.uri], kinds: [.event], eventTiming: .past))
            == [.upcoming: 1, .past: 0])
        #expect(try counts(ItemFilter(kinds: [.news])) == [:])
    }

    @Test func listRowsSayWhichLeadingTopicsAreCategories() throws {
        let rows = try cache.itemSummaries(collectionURI: uri, filter: ItemFilter(text: "Bananas"), offset: 0, limit: 5, now: now)
        #expect(rows.map(\.leadingTopicIsCategory) == [[true, false]])
        #expect(rows.first?.leadingTopics == [Fixture.govCategory.label, Fixture.oss.label])
    }

    // MARK: Facets and type counts

    @Test func kindCountsFollowTopicsAndTextButIgnoreTheKindSelection() throws {
        let all = try cache.kindCounts(collectionURI: uri, filter: .none, now: now)
        #expect(all == [.news: 2, .event: 2, .document: 1, .discussion: 1])
        let byKind = try cache.kindCounts(collectionURI: uri, filter: ItemFilter(kinds: [.event]), now: now)
        #expect(byKind == all)
        let byTopic = try cache.kindCounts(collectionURI: uri, filter: ItemFilter(topicURIs: [Fixture.ictCategory.uri], kinds: [.news]), now: now)
        #expect(byTopic == [.news: 2, .event: 2])
        let byText = try cache.kindCounts(collectionURI: uri, filter: ItemFilter(kinds: [.document], text: "open"), now: now)
        #expect(byText == [.news: 2])
    }

    @Test func facetCountsIgnoreTheTopicSelectionButFollowEverythingElse() throws {
        func counts(_ filter: ItemFilter) throws -> [String: Int] {
            Dictionary(uniqueKeysWithValues: try cache.facetCounts(collectionURI: uri, filter: filter, now: now).map { ($0.topic.uri, $0.count) })
        }
        let all = try counts(.none)
        #expect(all[Fixture.ictCategory.uri] == 4 && all[Fixture.govCategory.uri] == 3 && all[Fixture.oss.uri] == 2)
        #expect(try counts(ItemFilter(topicURIs: [Fixture.ict.uri])) == all)
        let events = try counts(ItemFilter(topicURIs: [Fixture.ict.uri], kinds: [.event]))
        #expect(events == [Fixture.ictCategory.uri: 2, Fixture.security.uri: 1, Fixture.ict.uri: 1,
                           Fixture.govCategory.uri: 1, Fixture.legal.uri: 1])
        let text = try counts(ItemFilter(topicURIs: [Fixture.legal.uri], text: "open"))
        #expect(text == [Fixture.ictCategory.uri: 2, Fixture.oss.uri: 2, Fixture.govCategory.uri: 1])
        let excluded = try counts(ItemFilter(excludedTopicURIs: [Fixture.ictCategory.uri]))
        #expect(excluded == [Fixture.govCategory.uri: 1, Fixture.legal.uri: 1, Fixture.egov.uri: 1])
    }

    @Test func filteredItemsAgreesWithTheSingleQueries() throws {
        let filter = ItemFilter(topicURIs: [Fixture.ictCategory.uri], kinds: [.event])
        let all = try cache.filteredItems(collectionURI: uri, filter: filter, limit: 1, now: now)
        #expect(all.count == 2)
        // Items 2 and 3 are the ICT events; the topic facet ignores the topic selection, the type facet the kind one.
        let facets = Dictionary(uniqueKeysWithValues: all.facets.map { ($0.topic.uri, $0.count) })
        #expect(facets == [Fixture.ictCategory.uri: 2, Fixture.security.uri: 1, Fixture.ict.uri: 1,
                           Fixture.govCategory.uri: 1, Fixture.legal.uri: 1])
        #expect(all.kindCounts == [.news: 2, .event: 2])
        #expect(all.rows.map(\.title) == ["Workshop on security"])
    }

    // MARK: Sorts

    @Test func sortOrders() throws {
        #expect(try titles(.none, sort: .newest) == ["Workshop on security", "apples and oranges", "Étude juridique",
                                                     "Webinar: interoperability", "Bananas", "Open source in the public sector"])
        #expect(try titles(.none, sort: .oldest) == ["Open source in the public sector", "Bananas", "Webinar: interoperability",
                                                     "Étude juridique", "apples and oranges", "Workshop on security"])
        #expect(try titles(.none, sort: .title) == ["apples and oranges", "Bananas", "Étude juridique",
                                                    "Open source in the public sector", "Webinar: interoperability",
                                                    "Workshop on security"])
        let page = try cache.itemSummaries(collectionURI: uri, filter: .none, sort: .title, offset: 2, limit: 2, now: now)
        #expect(page.map(\.title) == ["Étude juridique", "Open source in the public sector"])
    }

    @Test func eventTimingOrdersSoonestUpcomingAndLatestPastFirst() throws {
        var events = Self.items.filter { $0.kind == .event }
        events.append(Self.item(7, kind: .event, topics: [], day: 15, title: "Later event"))
        events.append(Self.item(8, kind: .event, topics: [], day: 2, title: "Early event"))
        try cache.apply(Fixture.snapshot(items: events), origin: .embeddedSnapshot)
        #expect(try titles(ItemFilter(eventTiming: .upcoming), sort: .newest) == ["Workshop on security", "Later event"])
        #expect(try titles(ItemFilter(eventTiming: .past), sort: .oldest) == ["Webinar: interoperability", "Early event"])
    }

    // MARK: Search input

    @Test func hostileSearchStringsNeverThrow() throws {
        let fixed = ["\"", "\"\"", "*", "-", "AND", "OR NOT", "NEAR(a b)", "title:x", "a:b:c", "(", ")", "^", "'", "\\",
                     "\u{0}", "🙂", "e\u{301}", "\u{202E}abc", "\"open\" OR \"x", "col*umn", "+", "{title body}: x"]
        var rng = SplitMix64.forTest()
        let alphabet = Array("aé\"*()^:-+'{} \t\nOR AND NEAR.,;\\/0🙂\u{301}\u{0}")
        var inputs = fixed
        for _ in 0..<300 {
            inputs.append(String((0..<Int.random(in: 0...12, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }))
        }
        for text in inputs {
            #expect(throws: Never.self, "\(text.debugDescription), \(rng.replay)") {
                _ = try cache.filteredItems(collectionURI: uri, filter: ItemFilter(text: text, author: text), limit: 5, now: now)
                _ = try cache.pool.read { db in
                    try CacheDatabase.sqlItemCount(collectionURI: uri, filter: ItemFilter(text: text), now: now, in: db)
                }
            }
        }
    }

    @Test func searchWordsAreQuotedPrefixes() {
        #expect(FTSQuery.match("open source") == "\"open\"* \"source\"*")
        #expect(FTSQuery.match("NEAR(\"a\" b)") == "\"NEAR\"* \"a\"* \"b\"*")
        #expect(FTSQuery.match("--") == nil)
        #expect(FTSQuery.words("européen, l'état") == ["européen", "l", "état"])
    }

    // MARK: Keeping the index right

    @Test func fullTextFollowsAnUpdateAndADelete() throws {
        #expect(try numbers(ItemFilter(text: "bananas")) == [6])
        var edited = Self.items
        edited[5].title = "Cherries"
        edited[5].body = "Nothing about fruit salad."
        let result = try cache.apply(Fixture.snapshot(items: edited), origin: .embeddedSnapshot)
        #expect(result.updatedItems == 1)
        #expect(try numbers(ItemFilter(text: "bananas")) == [])
        #expect(try numbers(ItemFilter(text: "cherr")) == [6])
        #expect(try numbers(ItemFilter(text: "OPEN")) == [1])
        // A complete listing without item 1 deletes it, from the index too.
        try cache.apply(Fixture.snapshot(items: Array(edited.dropFirst())), origin: .embeddedSnapshot)
        #expect(try numbers(ItemFilter(text: "europeen")) == [])
        #expect(try numbers(ItemFilter(text: "salad")) == [6])
        let integrity = try cache.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM item_fts WHERE item_fts MATCH '\"open\"*'")
        }
        #expect(integrity == 0)
        try cache.pool.write { db in try db.execute(sql: "INSERT INTO item_fts(item_fts, rank) VALUES('integrity-check', 1)") }
        // New items after the first import go in through the range insert.
        var more = Array(edited.dropFirst())
        more.append(Self.item(9, topics: [], day: 11, title: "Kiwis from Zürich"))
        try cache.apply(Fixture.snapshot(items: more), origin: .embeddedSnapshot)
        #expect(try numbers(ItemFilter(text: "zurich")) == [9])
        try cache.pool.write { db in try db.execute(sql: "INSERT INTO item_fts(item_fts, rank) VALUES('integrity-check', 1)") }
    }

    @Test func aVersion3CacheIsMigratedWithItsTextIndexed() throws {
        let path = folder.path("v3.sqlite")
        let queue = try DatabaseQueue(path: path)
        try CacheSchema.migrator.migrate(queue, upTo: "v3: whether a collection's remote publishes its members")
        try queue.write { db in try OldSchemaFixture.insert(Fixture.snapshot(items: Self.items), in: db) }
        try queue.close()
        let migrated = try CacheDatabase(path: path)
        let count = { (filter: ItemFilter) in try migrated.itemCount(collectionURI: self.uri, filter: filter, now: self.now) }
        #expect(try count(ItemFilter(text: "europeen")) == 1)
        #expect(try count(ItemFilter(text: "open")) == 2)
        #expect(try count(ItemFilter(author: "novak")) == 2)
        let sorted = try migrated.itemSummaries(collectionURI: uri, filter: .none, sort: .title, offset: 0, limit: 2, now: now)
        #expect(sorted.map(\.title) == ["apples and oranges", "Bananas"])
        try migrated.pool.write { db in try db.execute(sql: "INSERT INTO item_fts(item_fts, rank) VALUES('integrity-check', 1)") }
    }

    /// The in-memory index and plain SQL give the same answers for random data and filters.
    @Test func indexAgreesWithSQLOnRandomFilters() throws {
        var rng = SplitMix64.forTest()
        let words = ["open", "source", "européen", "data", "Zürich", "legal", "öffentlich"]
        let items = (0..<150).map { n -> Item in
            let kind = ItemKind.allCases.randomElement(using: &rng)!
            let topics = Array(Fixture.topics.shuffled(using: &rng).prefix(Int.random(in: 0...3, using: &rng)))
            let title = (0..<3).map { _ in words.randomElement(using: &rng)! }.joined(separator: " ")
            var item = Self.item(n + 10, kind: kind, topics: topics, day: Double(Int.random(in: 0...30, using: &rng)),
                                 title: title, author: ["Zoë", "Ana", "Jürgen"].randomElement(using: &rng)!)
            item.id = "r\(n)"
            return item
        }
        try cache.apply(Fixture.snapshot(items: items), origin: .remote("random"))
        // A third of the items read, marked in a few batches.
        let read = items.filter { _ in Int.random(in: 0...2, using: &rng) == 0 }.map(\.id)
        for batch in stride(from: 0, to: read.count, by: 10) {
            try cache.setRead(true, collectionURI: uri, ids: Array(read[batch..<min(read.count, batch + 10)]))
        }
        for _ in 0..<60 {
            var filter = ItemFilter()
            if Bool.random(using: &rng) { filter.topicURIs = Set(Fixture.topics.shuffled(using: &rng).prefix(Int.random(in: 1...2, using: &rng)).map(\.uri)) }
            if Int.random(in: 0...3, using: &rng) == 0 { filter.excludedTopicURIs = [Fixture.topics.randomElement(using: &rng)!.uri] }
            if Bool.random(using: &rng) { filter.kinds = Set(ItemKind.allCases.shuffled(using: &rng).prefix(2)) }
            if Bool.random(using: &rng) { filter.text = String(words.randomElement(using: &rng)!.prefix(Int.random(in: 1...4, using: &rng))) }
            if Int.random(in: 0...3, using: &rng) == 0 { filter.author = "an" }
            if Int.random(in: 0...3, using: &rng) == 0 { filter.since = Fixture.date(Double(Int.random(in: 0...15, using: &rng))) }
            if Int.random(in: 0...3, using: &rng) == 0 { filter.until = Fixture.date(Double(Int.random(in: 10...30, using: &rng))) }
            if Int.random(in: 0...4, using: &rng) == 0 { filter.eventTiming = Bool.random(using: &rng) ? .upcoming : .past }
            if Int.random(in: 0...2, using: &rng) == 0 { filter.readState = ReadState.allCases.randomElement(using: &rng)! }
            let sort = ItemSort.allCases.randomElement(using: &rng)!
            let fast = try cache.filteredItems(collectionURI: uri, filter: filter, sort: sort, limit: 500, now: now)
            let reference = try cache.sqlReference(collectionURI: uri, filter: filter, sort: sort, limit: 500, now: now)
            #expect(fast == reference, "\(filter) \(sort), \(rng.replay)")
        }
    }

    /// Two collections whose item ids interleave (A, then B, then more of A) keep apart.
    @Test func interleavedCollectionsKeepTheirOwnItems() throws {
        var other = Fixture.snapshot(items: [])
        other.collection.uri = "urn:other"
        other.collection.alias = "other"
        other.items = (0..<4).map { n in
            var item = Self.item(50 + n, topics: [Fixture.legal], day: Double(n), title: "Other \(n)")
            item.collectionURI = "urn:other"
            return item
        }
        try cache.apply(other, origin: .embeddedSnapshot)
        var more = Self.items
        more.append(Self.item(7, topics: [Fixture.legal], day: 2, title: "Seventh"))
        try cache.apply(Fixture.snapshot(items: more), origin: .embeddedSnapshot)
        for (collection, expected) in [(uri, 7), ("urn:other", 4)] {
            let filter = ItemFilter(topicURIs: [Fixture.govCategory.uri])
            let fast = try cache.filteredItems(collectionURI: collection, filter: filter, limit: 50, now: now)
            let reference = try cache.pool.read { db in
                (try CacheDatabase.sqlItemCount(collectionURI: collection, filter: filter, now: now, in: db),
                 try CacheDatabase.sqlFacetCounts(collectionURI: collection, filter: filter, now: now, in: db))
            }
            #expect(fast.count == reference.0 && fast.facets == reference.1)
            #expect(try cache.itemCount(collectionURI: collection, filter: .none, now: now) == expected)
        }
        #expect(try cache.itemCount(collectionURI: "urn:other", filter: ItemFilter(topicURIs: [Fixture.legal.uri]), now: now) == 4)
    }

    // MARK: Saved views, members, topics

    @Test func savedViewsRoundTrip() throws {
        #expect(try cache.savedView(collectionURI: uri) == nil)
        let filter = ItemFilter(topicURIs: [Fixture.ict.uri], excludedTopicURIs: [Fixture.legal.uri], kinds: [.event, .news],
                                text: "européen", author: "Zoë", since: Fixture.date(1), until: Fixture.date(9),
                                eventTiming: .upcoming)
        try cache.saveView(collectionURI: uri, filter: filter, sort: .title)
        let saved = try #require(try cache.savedView(collectionURI: uri))
        #expect(saved.0 == filter && saved.1 == .title)
        try cache.saveView(collectionURI: uri, filter: .none, sort: .oldest)
        let replaced = try #require(try cache.savedView(collectionURI: uri))
        #expect(replaced.0 == .none && replaced.1 == .oldest)
        // Survives reopening the file.
        let reopened = try CacheDatabase(path: folder.path("cache.sqlite"))
        #expect(try reopened.savedView(collectionURI: uri)?.1 == .oldest)
        #expect(try reopened.savedView(collectionURI: "urn:other") == nil)
    }

    static let members: [Member] = [
        Member(id: "a", name: "Zoë Novák", businessTitle: "", organisation: "", roles: [.owner, .facilitator], state: .active, memberSince: Fixture.date(1)),
        Member(id: "b", name: "Łukasz Müller", businessTitle: "", organisation: "", roles: [.facilitator], state: .active, memberSince: Fixture.date(2)),
        Member(id: "c", name: "Ana García", businessTitle: "", organisation: "", roles: [.author], state: .active, memberSince: Fixture.date(3)),
        Member(id: "d", name: "Jürgen Köhler", businessTitle: "", organisation: "", roles: [.member], state: .active, memberSince: Fixture.date(4)),
        Member(id: "e", name: "Ana Novak", businessTitle: "", organisation: "", roles: [.member], state: .pending, memberSince: Fixture.date(5)),
    ]

    @Test func membersFilterByAnyRoleAndFoldedName() throws {
        #expect(try cache.members(collectionURI: uri).map(\.id) == ["a", "b", "c", "d"])
        #expect(try cache.members(collectionURI: uri, roles: [.facilitator]).map(\.id) == ["a", "b"])
        #expect(try cache.members(collectionURI: uri, roles: [.owner, .author]).map(\.id) == ["a", "c"])
        #expect(try cache.members(collectionURI: uri, nameQuery: "NOVAK").map(\.id) == ["a"])
        #expect(try cache.members(collectionURI: uri, nameQuery: "muller").map(\.id) == ["b"])
        #expect(try cache.members(collectionURI: uri, state: .pending, nameQuery: "novak").map(\.id) == ["e"])
        #expect(try cache.members(collectionURI: uri, roles: [.member], nameQuery: "ana").isEmpty)
    }

    @Test func roleCountsAreOverActiveMembers() throws {
        #expect(try cache.roleCounts(collectionURI: uri) == [.owner: 1, .facilitator: 2, .author: 1, .member: 1])
        #expect(try cache.roleCounts(collectionURI: uri, nameQuery: "a") == [.owner: 1, .facilitator: 2, .author: 1])
        #expect(try cache.roleCounts(collectionURI: uri, nameQuery: "nobody").isEmpty)
    }

    @Test func topicsByLabelAreFoldedAndCategoriesFirst() throws {
        #expect(try cache.topics(labeled: "ict") == [Fixture.ictCategory, Fixture.ict])
        #expect(try cache.topics(labeled: " ICT SECURITY ") == [Fixture.security])
        #expect(try cache.topics(labeled: "egovernment") == [Fixture.egov])
        #expect(try cache.topics(labeled: "nothing").isEmpty)
    }
}
