import Foundation
import GRDB
import JoinupModel

/// SQL for an `ItemFilter`: a WHERE clause over `item i` and its arguments.
struct ItemFilterSQL {
    var clause: String
    var arguments: StatementArguments

    /// - Parameter ignoringTopics: the topic facet counts over everything but its own selection.
    init(collectionURI: String, filter: ItemFilter, ignoringTopics: Bool = false) {
        var clauses = ["i.collection_uri = ?"]
        var values: [any DatabaseValueConvertible] = [collectionURI]
        if !filter.kinds.isEmpty {
            let kinds = filter.kinds.map(\.rawValue).sorted()
            clauses.append("i.kind IN \(placeholders(kinds.count))")
            values.append(contentsOf: kinds)
        }
        if !ignoringTopics && !filter.topicURIs.isEmpty {
            let topics = filter.topicURIs.sorted()
            clauses.append("i.id IN (SELECT item_id FROM item_topic WHERE topic_uri IN \(placeholders(topics.count)))")
            values.append(contentsOf: topics)
        }
        clause = clauses.joined(separator: " AND ")
        arguments = StatementArguments(values)
    }
}

extension CacheDatabase {
    /// Number of items matching a filter.
    public func itemCount(collectionURI: String, filter: ItemFilter) throws -> Int {
        let where_ = ItemFilterSQL(collectionURI: collectionURI, filter: filter)
        return try pool.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM item i WHERE \(where_.clause)", arguments: where_.arguments) ?? 0
        }
    }

    /// Topic facet counts by Joinup's rules: over the current results minus the topic selection
    /// itself, categories counting items of any of their children, zero hidden, count then label.
    public func facetCounts(collectionURI: String, filter: ItemFilter) throws -> [FacetCount] {
        let where_ = ItemFilterSQL(collectionURI: collectionURI, filter: filter, ignoringTopics: true)
        let counts = try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT t.uri, t.label, t.parent_uri, t.level, COUNT(*) AS n
                FROM item i
                JOIN item_topic it ON it.item_id = i.id
                JOIN topic t ON t.uri = it.topic_uri
                WHERE \(where_.clause)
                GROUP BY t.uri
                """, arguments: where_.arguments)
                .map { FacetCount(topic: Self.topic(from: $0), count: $0["n"]) }
        }
        return FacetRules.ordered(counts)
    }

    /// One window of the content list, newest first, with each row's leading topic labels.
    public func itemSummaries(collectionURI: String, filter: ItemFilter, offset: Int, limit: Int) throws -> [ItemSummary] {
        let where_ = ItemFilterSQL(collectionURI: collectionURI, filter: filter)
        return try pool.read { db in
            var arguments = where_.arguments
            arguments += [limit, max(0, offset)]
            let rows = try Row.fetchAll(db, sql: """
                SELECT i.id, i.guid, i.kind, i.title, i.list_date, i.topic_count
                FROM item i WHERE \(where_.clause)
                ORDER BY i.list_date DESC, i.id DESC
                LIMIT ? OFFSET ?
                """, arguments: arguments)
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
    }

    /// A whole item with its own topics resolved, or nil when it is gone.
    public func item(collectionURI: String, id guid: String) throws -> ItemDetail? {
        try pool.read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT * FROM item WHERE collection_uri = ? AND guid = ?
                """, arguments: [collectionURI, guid]) else { return nil }
            let itemID: Int64 = row["id"]
            let topics = try Row.fetchAll(db, sql: """
                SELECT t.uri, t.label, t.parent_uri, t.level FROM item_topic it JOIN topic t ON t.uri = it.topic_uri
                WHERE it.item_id = ? AND it.position IS NOT NULL ORDER BY it.position
                """, arguments: [itemID]).map(Self.topic(from:))
            let eventStart: Double? = row["event_start"]
            let eventEnd: Double? = row["event_end"]
            let item = Item(
                id: guid, collectionURI: collectionURI, kind: ItemKind(rawValue: row["kind"]) ?? .news,
                title: row["title"], link: row["link"], body: row["body"], author: row["author"],
                published: Date(timeIntervalSince1970: row["published"]),
                eventStart: eventStart.map(Date.init(timeIntervalSince1970:)),
                eventEnd: eventEnd.map(Date.init(timeIntervalSince1970:)),
                eventLocation: row["event_location"], topicURIs: topics.map(\.uri))
            return ItemDetail(item: item, topics: topics)
        }
    }
}
