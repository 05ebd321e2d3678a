import Foundation
import GRDB
import JoinupModel
@testable import JoinupCache

// The filters in SQL alone: the reference the in-memory filter index (FilterIndex.swift) is
// tested against. Test-only: the app never runs these queries.

/// SQL for an `ItemFilter`: a WHERE clause over `item i` and its arguments.
///
/// Every field of the filter narrows the set: topics (OR, a category matching the items of its
/// children: `ItemFilterSQL.effectiveTopicIn`), excluded topics, kinds (OR), text (FTS5,
/// each word a prefix), author (folded contains), since/until on the list date, event timing,
/// read state (a `read_state` row for the item's guid).
struct ItemFilterSQL {
    var clause: String
    var arguments: StatementArguments

    /// - Parameters:
    ///   - ignoringTopics: the topic facet counts over everything but its own selection.
    ///   - ignoringKinds: the type counts over everything but the type selection.
    ///   - ignoringReadState: the "Unread" count over everything but the read-state selection.
    init(collectionURI: String, filter: ItemFilter, now: Date, ignoringTopics: Bool = false, ignoringKinds: Bool = false,
         ignoringReadState: Bool = false, in db: Database) throws {
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
        if !ignoringReadState, let state = filter.readState {
            clauses.append("\(state == .read ? "" : "NOT ")EXISTS (SELECT 1 FROM read_state r WHERE r.collection_uri = i.collection_uri AND r.guid = i.guid)")
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

extension CacheDatabase {
    static func sqlItemCount(collectionURI: String, filter: ItemFilter, now: Date, in db: Database) throws -> Int {
        let where_ = try ItemFilterSQL(collectionURI: collectionURI, filter: filter, now: now, in: db)
        return try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) FROM item i WHERE \(where_.clause)"),
                                arguments: where_.arguments) ?? 0
    }

    /// Unread items under the filter minus its read-state selection.
    static func sqlUnreadCount(collectionURI: String, filter: ItemFilter, now: Date, in db: Database) throws -> Int {
        var unread = filter
        unread.readState = .unread
        return try sqlItemCount(collectionURI: collectionURI, filter: unread, now: now, in: db)
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
        let records = try ItemSummaryRecord.fetchAll(db.cachedStatement(sql: """
            SELECT i.id, i.guid, i.kind, i.title, i.list_date, i.topic_count
            FROM item i WHERE \(where_.clause)
            ORDER BY \(ItemFilterSQL.order(sort, filter: filter))
            LIMIT ? OFFSET ?
            """), arguments: arguments)
        return try summaries(records, in: db)
    }
}
