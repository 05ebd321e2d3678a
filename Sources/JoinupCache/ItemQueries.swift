import Foundation
import GRDB
import JoinupModel

/// SQL for an `ItemFilter`: a WHERE clause over `item i` and its arguments.
///
/// Every field of the filter narrows the set: topics (OR, a category matching the items of its
/// children: `ItemFilterSQL.effectiveTopicIn`), excluded topics, kinds (OR), text (FTS5,
/// each word a prefix), author (folded contains), since/until on the list date, event timing.
struct ItemFilterSQL {
    var clause: String
    var arguments: StatementArguments

    /// - Parameters:
    ///   - ignoringTopics: the topic facet counts over everything but its own selection.
    ///   - ignoringKinds: the type counts over everything but the type selection.
    init(collectionURI: String, filter: ItemFilter, now: Date, ignoringTopics: Bool = false, ignoringKinds: Bool = false,
         in db: Database) throws {
        var clauses = ["i.collection_uri = ?"]
        var values: [any DatabaseValueConvertible] = [collectionURI]
        if !ignoringKinds && !filter.kinds.isEmpty {
            let kinds = filter.kinds.map(\.rawValue).sorted()
            clauses.append("i.kind IN \(placeholders(kinds.count))")
            values.append(contentsOf: kinds)
        }
        if !ignoringTopics && !filter.topicURIs.isEmpty {
            let topics = filter.topicURIs.sorted()
            clauses.append("i.id IN (SELECT item_id FROM item_topic WHERE \(Self.effectiveTopicIn(topics.count)))")
            values.append(contentsOf: topics + topics)
        }
        if !filter.excludedTopicURIs.isEmpty {
            let topics = filter.excludedTopicURIs.sorted()
            clauses.append("i.id NOT IN (SELECT item_id FROM item_topic WHERE \(Self.effectiveTopicIn(topics.count)))")
            values.append(contentsOf: topics + topics)
        }
        if let match = try FoldedSearch.fullTextMatch(filter.text, in: db) {
            clauses.append("i.id IN (SELECT rowid FROM item_fts WHERE item_fts MATCH ?)")
            values.append(match)
        }
        if let author = filter.author.map({ TextFolding.fold($0.trimmingCharacters(in: .whitespacesAndNewlines)) }),
           !author.isEmpty {
            clauses.append("instr(i.author_key, ?) > 0")
            values.append(author)
        }
        if let since = filter.since {
            clauses.append("i.list_date >= ?")
            values.append(since.timeIntervalSince1970)
        }
        if let until = filter.until {
            clauses.append("i.list_date < ?")
            values.append(until.timeIntervalSince1970)
        }
        if let timing = filter.eventTiming {
            clauses.append("i.kind = 'event' AND i.list_date \(timing == .upcoming ? ">=" : "<") ?")
            values.append(now.timeIntervalSince1970)
        }
        clause = clauses.joined(separator: " AND ")
        arguments = StatementArguments(values)
    }

    /// An `item_topic` row counts under a topic when it is that topic or one of its children:
    /// `item_topic` holds own terms only, and a term implies its parent category.
    static func effectiveTopicIn(_ count: Int) -> String {
        "(topic_uri IN \(placeholders(count)) OR topic_uri IN (SELECT uri FROM topic WHERE parent_uri IN \(placeholders(count))))"
    }

    /// ORDER BY for a sort; the event timing, when set, decides (soonest upcoming, latest past).
    static func order(_ sort: ItemSort, filter: ItemFilter) -> String {
        switch filter.eventTiming {
        case .upcoming: return "i.list_date ASC, i.id ASC"
        case .past: return "i.list_date DESC, i.id DESC"
        case nil: break
        }
        switch sort {
        case .newest: return "i.list_date DESC, i.id DESC"
        case .oldest: return "i.list_date ASC, i.id ASC"
        case .title: return "i.title_key ASC, i.id ASC"
        }
    }
}

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

    public init(count: Int, facets: [FacetCount], kindCounts: [ItemKind: Int], rows: [ItemSummary]) {
        self.count = count
        self.facets = facets
        self.kindCounts = kindCounts
        self.rows = rows
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
                                 offset: 0, limit: limit, in: db))
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
            return try ids.compactMap { id in try Self.itemDetail(id: id, collectionURI: collectionURI, vocabulary: vocabulary, in: db) }
        }
    }

    private func evaluate(collectionURI: String, filter: ItemFilter, now: Date, in db: Database) throws -> IndexedFilter {
        let index = try filterIndexes.index(collectionURI: collectionURI, in: db)
        return try IndexedFilter(index: index, collectionURI: collectionURI, filter: filter, now: now, in: db)
    }

    private func windowIDs(_ evaluated: IndexedFilter, collectionURI: String, filter: ItemFilter, sort: ItemSort,
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
        var byID: [Int64: Row] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT id, guid, kind, title, list_date, topic_count FROM item WHERE id IN \(placeholders(ids.count))
            """, arguments: StatementArguments(ids)) {
            byID[row["id"]] = row
        }
        return try summaries(rows: ids.compactMap { byID[$0] }, in: db)
    }

    /// List rows with their leading topic labels.
    static func summaries(rows: [Row], in db: Database) throws -> [ItemSummary] {
        guard !rows.isEmpty else { return [] }
        let ids: [Int64] = rows.map { $0["id"] }
        var leading: [Int64: [String]] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT it.item_id, t.label FROM item_topic it JOIN topic t ON t.uri = it.topic_uri
            WHERE it.item_id IN \(placeholders(ids.count)) AND it.position < 2
            ORDER BY it.item_id, it.position
            """, arguments: StatementArguments(ids)) {
            leading[row["item_id"], default: []].append(row["label"])
        }
        return rows.map { row in
            let id: Int64 = row["id"]
            let topicCount: Int = row["topic_count"]
            let labels = leading[id] ?? []
            return ItemSummary(id: row["guid"], kind: ItemKind(rawValue: row["kind"]) ?? .news,
                               title: row["title"], listDate: Date(timeIntervalSince1970: row["list_date"]),
                               leadingTopics: labels, moreTopicCount: max(0, topicCount - labels.count))
        }
    }

    // MARK: The same in SQL alone: the reference the in-memory index is tested against.

    static func sqlItemCount(collectionURI: String, filter: ItemFilter, now: Date, in db: Database) throws -> Int {
        let where_ = try ItemFilterSQL(collectionURI: collectionURI, filter: filter, now: now, in: db)
        return try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) FROM item i WHERE \(where_.clause)"),
                                arguments: where_.arguments) ?? 0
    }

    static func sqlFacetCounts(collectionURI: String, filter: ItemFilter, now: Date, in db: Database) throws -> [FacetCount] {
        let where_ = try ItemFilterSQL(collectionURI: collectionURI, filter: filter, now: now, ignoringTopics: true, in: db)
        let vocabulary = try topicsByURI(db)
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            WITH effective(item_id, topic_uri) AS (
                SELECT item_id, topic_uri FROM item_topic
                UNION
                SELECT it.item_id, t.parent_uri FROM item_topic it JOIN topic t ON t.uri = it.topic_uri
                WHERE t.parent_uri IS NOT NULL
            )
            SELECT it.topic_uri, COUNT(*) AS n
            FROM item i
            JOIN effective it ON it.item_id = i.id
            WHERE \(where_.clause)
            GROUP BY it.topic_uri
            """), arguments: where_.arguments)
        let counts = rows.compactMap { row -> FacetCount? in
            guard let topic = vocabulary[row["topic_uri"]] else { return nil }
            return FacetCount(topic: topic, count: row["n"])
        }
        return FacetRules.ordered(counts)
    }

    static func sqlKindCounts(collectionURI: String, filter: ItemFilter, now: Date, in db: Database) throws -> [ItemKind: Int] {
        let where_ = try ItemFilterSQL(collectionURI: collectionURI, filter: filter, now: now, ignoringKinds: true, in: db)
        var counts: [ItemKind: Int] = [:]
        for row in try Row.fetchAll(db.cachedStatement(sql: """
            SELECT i.kind, COUNT(*) AS n FROM item i WHERE \(where_.clause) GROUP BY i.kind
            """), arguments: where_.arguments) {
            if let kind = ItemKind(rawValue: row["kind"]) { counts[kind] = row["n"] }
        }
        return counts
    }

    static func sqlItemSummaries(collectionURI: String, filter: ItemFilter, sort: ItemSort, offset: Int, limit: Int,
                              now: Date, in db: Database) throws -> [ItemSummary] {
        guard limit > 0 else { return [] }
        let where_ = try ItemFilterSQL(collectionURI: collectionURI, filter: filter, now: now, in: db)
        var arguments = where_.arguments
        arguments += [limit, max(0, offset)]
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT i.id, i.guid, i.kind, i.title, i.list_date, i.topic_count
            FROM item i WHERE \(where_.clause)
            ORDER BY \(ItemFilterSQL.order(sort, filter: filter))
            LIMIT ? OFFSET ?
            """), arguments: arguments)
        return try summaries(rows: rows, in: db)
    }

    /// The whole topic vocabulary by URI (a few hundred rows at most).
    static func topicsByURI(_ db: Database) throws -> [String: Topic] {
        var result: [String: Topic] = [:]
        for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT uri, label, parent_uri, level FROM topic")) {
            let topic = topic(from: row)
            result[topic.uri] = topic
        }
        return result
    }

    /// A whole item with its own topics resolved, or nil when it is gone.
    public func item(collectionURI: String, id guid: String) throws -> ItemDetail? {
        try pool.read { db in
            guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM item WHERE collection_uri = ? AND guid = ?",
                                              arguments: [collectionURI, guid]) else { return nil }
            return try Self.itemDetail(id: id, collectionURI: collectionURI, vocabulary: nil, in: db)
        }
    }

    static func itemDetail(id itemID: Int64, collectionURI: String, vocabulary: [String: Topic]?,
                           in db: Database) throws -> ItemDetail? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM item WHERE id = ?"), arguments: [itemID])
        else { return nil }
        let topics: [Topic]
        if let vocabulary {
            topics = try String.fetchAll(db.cachedStatement(sql: """
                SELECT topic_uri FROM item_topic WHERE item_id = ? AND position IS NOT NULL ORDER BY position
                """), arguments: [itemID]).compactMap { vocabulary[$0] }
        } else {
            topics = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT t.uri, t.label, t.parent_uri, t.level FROM item_topic it JOIN topic t ON t.uri = it.topic_uri
                WHERE it.item_id = ? AND it.position IS NOT NULL ORDER BY it.position
                """), arguments: [itemID]).map(Self.topic(from:))
        }
        let eventStart: Double? = row["event_start"]
        let eventEnd: Double? = row["event_end"]
        let item = Item(
            id: row["guid"], collectionURI: collectionURI, kind: ItemKind(rawValue: row["kind"]) ?? .news,
            title: row["title"], link: row["link"], body: row["body"], author: row["author"],
            published: Date(timeIntervalSince1970: row["published"]),
            eventStart: eventStart.map(Date.init(timeIntervalSince1970:)),
            eventEnd: eventEnd.map(Date.init(timeIntervalSince1970:)),
            eventLocation: row["event_location"], topicURIs: topics.map(\.uri))
        return ItemDetail(item: item, topics: topics)
    }
}
