import Foundation
import GRDB
import JoinupModel

/// Everything the content list shows for one filter, read in one transaction.
public struct FilteredItems: Hashable, Sendable {
    /// Items matching the whole filter.
    public var count: Int
    /// Topic facet over the filter minus its topic selection.
    public var facets: [FacetCount]
    /// Items per kind over the filter minus its kind selection (kinds with none are absent).
    public var kindCounts: [ItemKind: Int]
    /// The first window of rows.
    public var rows: [ItemSummary]
    /// Upcoming and past events over the filter minus its Upcoming/Past choice; empty unless
    /// the filter selects Event (only then does the filter pane show the two).
    public var eventTimingCounts: [EventTiming: Int]
    /// Unread items under the filter minus its read-state selection (the "Unread" filter's count).
    public var unreadCount: Int

    public init(count: Int, facets: [FacetCount], kindCounts: [ItemKind: Int], rows: [ItemSummary],
                eventTimingCounts: [EventTiming: Int] = [:], unreadCount: Int = 0) {
        self.unreadCount = unreadCount
        self.count = count
        self.facets = facets
        self.kindCounts = kindCounts
        self.rows = rows
        self.eventTimingCounts = eventTimingCounts
    }
}

extension CacheDatabase {
    /// Number of items matching a filter.
    public func itemCount(collectionURI: String, filter: ItemFilter, now: Date = Date()) throws -> Int {
        try pool.read { db in
            try evaluate(collectionURI: collectionURI, filter: filter, now: now, in: db).count()
        }
    }

    /// Topic facet counts by Joinup's rules: over the current results minus the topic selection
    /// itself, categories counting items of any of their children, zero hidden, count then label.
    public func facetCounts(collectionURI: String, filter: ItemFilter, now: Date = Date()) throws -> [FacetCount] {
        try pool.read { db in
            let evaluated = try evaluate(collectionURI: collectionURI, filter: filter, now: now, in: db)
            return try Self.facets(evaluated.tally().topics, index: evaluated.index, in: db)
        }
    }

    /// Items per kind over the filter minus its kind selection (the type facet); kinds with no
    /// item are absent.
    public func kindCounts(collectionURI: String, filter: ItemFilter, now: Date = Date()) throws -> [ItemKind: Int] {
        try pool.read { db in
            Self.kinds(try evaluate(collectionURI: collectionURI, filter: filter, now: now, in: db).tally().kinds)
        }
    }

    /// One window of the content list in the given order, with each row's leading topic labels.
    /// Newest and oldest go by list date; title by folded title; a filter on upcoming events
    /// lists the soonest first and one on past events the latest first, whatever `sort` says.
    public func itemSummaries(collectionURI: String, filter: ItemFilter, sort: ItemSort = .newest,
                              offset: Int, limit: Int, now: Date = Date()) throws -> [ItemSummary] {
        try pool.read { db in
            let evaluated = try evaluate(collectionURI: collectionURI, filter: filter, now: now, in: db)
            return try window(evaluated, collectionURI: collectionURI, filter: filter, sort: sort,
                              offset: offset, limit: limit, in: db)
        }
    }

    /// Count, topic facet, type counts and the first `limit` rows for a filter, from one
    /// consistent read: what the browser needs after every filter change or keystroke.
    public func filteredItems(collectionURI: String, filter: ItemFilter, sort: ItemSort = .newest,
                              limit: Int, now: Date = Date()) throws -> FilteredItems {
        try pool.read { db in
            let evaluated = try evaluate(collectionURI: collectionURI, filter: filter, now: now, in: db)
            let tally = evaluated.tally()
            return FilteredItems(
                count: tally.count, facets: try Self.facets(tally.topics, index: evaluated.index, in: db),
                kindCounts: Self.kinds(tally.kinds),
                rows: try window(evaluated, collectionURI: collectionURI, filter: filter, sort: sort,
                                 offset: 0, limit: limit, in: db),
                eventTimingCounts: filter.kinds.contains(.event) ? evaluated.eventTimingTally() : [:],
                unreadCount: tally.unread)
        }
    }

    /// Whole items (own topics resolved) matching a filter, in list order: for export.
    public func items(collectionURI: String, filter: ItemFilter, sort: ItemSort = .newest,
                      offset: Int = 0, limit: Int = Int.max, now: Date = Date()) throws -> [ItemDetail] {
        try pool.read { db in
            let evaluated = try evaluate(collectionURI: collectionURI, filter: filter, now: now, in: db)
            let ids = try windowIDs(evaluated, collectionURI: collectionURI, filter: filter, sort: sort,
                                    offset: offset, limit: limit, in: db)
            let vocabulary = try Self.topicsByURI(db)
            return try ids.compactMap { id in try Self.itemDetail(id: id, vocabulary: vocabulary, in: db) }
        }
    }

    func evaluate(collectionURI: String, filter: ItemFilter, now: Date, in db: Database) throws -> IndexedFilter {
        let index = try filterIndexes.index(collectionURI: collectionURI, in: db)
        return try IndexedFilter(index: index, readMarks: readMarks, collectionURI: collectionURI, filter: filter, now: now, in: db)
    }

    func windowIDs(_ evaluated: IndexedFilter, collectionURI: String, filter: ItemFilter, sort: ItemSort,
                           offset: Int, limit: Int, in db: Database) throws -> [Int64] {
        guard limit > 0 else { return [] }
        let offset = max(0, offset)
        switch (filter.eventTiming, sort) {
        case (.upcoming, _), (nil, .oldest):
            return evaluated.window(order: evaluated.index.newestOrder, reversed: true, offset: offset, limit: limit)
        case (.past, _), (nil, .newest):
            return evaluated.window(order: evaluated.index.newestOrder, reversed: false, offset: offset, limit: limit)
        case (nil, .title):
            let order = try evaluated.index.titleOrder(collectionURI: collectionURI, in: db)
            return evaluated.window(order: order, reversed: false, offset: offset, limit: limit)
        }
    }

    private func window(_ evaluated: IndexedFilter, collectionURI: String, filter: ItemFilter, sort: ItemSort,
                        offset: Int, limit: Int, in db: Database) throws -> [ItemSummary] {
        let ids = try windowIDs(evaluated, collectionURI: collectionURI, filter: filter, sort: sort,
                                offset: offset, limit: limit, in: db)
        return try Self.summaries(ids: ids, in: db)
    }

    static func facets(_ counts: [Int], index: FilterIndex, in db: Database) throws -> [FacetCount] {
        let vocabulary = try topicsByURI(db)
        var result: [FacetCount] = []
        for (number, count) in counts.enumerated() where count > 0 {
            if let topic = vocabulary[index.topicURIs[number]] { result.append(FacetCount(topic: topic, count: count)) }
        }
        return FacetRules.ordered(result)
    }

    static func kinds(_ counts: [Int]) -> [ItemKind: Int] {
        var result: [ItemKind: Int] = [:]
        for (number, count) in counts.enumerated() where count > 0 { result[ItemKind.allCases[number]] = count }
        return result
    }

    /// List rows for item ids, in the order given.
    static func summaries(ids: [Int64], in db: Database) throws -> [ItemSummary] {
        guard !ids.isEmpty else { return [] }
        let byID = Dictionary(try ItemSummaryRecord.fetchAll(db, keys: ids).map { ($0.id, $0) },
                              uniquingKeysWith: { first, _ in first })
        return try summaries(ids.compactMap { byID[$0] }, in: db)
    }

    /// List rows with their leading topic labels.
    static func summaries(_ records: [ItemSummaryRecord], in db: Database) throws -> [ItemSummary] {
        guard !records.isEmpty else { return [] }
        let ids = records.map(\.id)
        var leading: [Int64: [(label: String, isCategory: Bool)]] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT it.item_id, t.label, t.level FROM item_topic it JOIN topic t ON t.uri = it.topic_uri
            WHERE it.item_id IN \(placeholders(ids.count)) AND it.position < 2
            ORDER BY it.item_id, it.position
            """, arguments: StatementArguments(ids)) {
            let level: String = row["level"]
            leading[row["item_id"], default: []].append((row["label"], level == Topic.Level.category.rawValue))
        }
        let read = try Set(Int64.fetchAll(db, sql: """
            SELECT i.id FROM item i JOIN read_state r ON r.collection_uri = i.collection_uri AND r.guid = i.guid
            WHERE i.id IN \(placeholders(ids.count))
            """, arguments: StatementArguments(ids)))
        let arrivals = try ReadStateStorage.arrivals(ids: ids, in: db)
        return records.map { record in
            let topics = leading[record.id] ?? []
            return ItemSummary(id: record.guid, kind: record.kind, title: record.title, listDate: record.listDate,
                               leadingTopics: topics.map(\.label), moreTopicCount: max(0, record.topicCount - topics.count),
                               leadingTopicIsCategory: topics.map(\.isCategory),
                               isRead: read.contains(record.id),
                               firstSeen: arrivals[record.id] ?? Date(timeIntervalSince1970: 0))
        }
    }

    /// The whole topic vocabulary by URI (a few hundred rows at most).
    ///
    /// Read by position rather than through `TopicRecord`: every filter change and keystroke reads
    /// the whole vocabulary for the facet labels, and with Codable decoding here a filter change
    /// at 100,000 items took about 0.15 ms more (joinup-bench, fastest of 60 runs: 1.73 against
    /// 1.56–1.60 ms).
    static func topicsByURI(_ db: Database) throws -> [String: Topic] {
        var result: [String: Topic] = [:]
        let rows = try Row.fetchCursor(db.cachedStatement(sql: "SELECT uri, label, parent_uri, level FROM topic"))
        while let row = try rows.next() {
            let uri: String = row[0], level: String = row[3]
            guard let known = Topic.Level(rawValue: level) else {
                throw CacheError.unreadableValue(column: "topic.level", value: level)
            }
            result[uri] = Topic(uri: uri, label: row[1], parentURI: row[2], level: known)
        }
        return result
    }

    /// A whole item with its own topics resolved, or nil when it is gone.
    public func item(collectionURI: String, id guid: String) throws -> ItemDetail? {
        try pool.read { db in
            guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM item WHERE collection_uri = ? AND guid = ?",
                                              arguments: [collectionURI, guid]) else { return nil }
            return try Self.itemDetail(id: id, vocabulary: nil, in: db)
        }
    }

    static func itemDetail(id itemID: Int64, vocabulary: [String: Topic]?, in db: Database) throws -> ItemDetail? {
        guard let record = try ItemRecord.fetchOne(db, key: itemID) else { return nil }
        let topics: [Topic]
        if let vocabulary {
            topics = try String.fetchAll(db.cachedStatement(sql: """
                SELECT topic_uri FROM item_topic WHERE item_id = ? AND position IS NOT NULL ORDER BY position
                """), arguments: [itemID]).compactMap { vocabulary[$0] }
        } else {
            topics = try TopicRecord.fetchAll(db.cachedStatement(sql: """
                SELECT t.* FROM item_topic it JOIN topic t ON t.uri = it.topic_uri
                WHERE it.item_id = ? AND it.position IS NOT NULL ORDER BY it.position
                """), arguments: [itemID]).map(\.topic)
        }
        return ItemDetail(item: record.item(topicURIs: topics.map(\.uri)), topics: topics)
    }
}
