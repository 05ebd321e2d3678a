import Foundation
import GRDB
import JoinupModel

/// What applying a snapshot changed, for the sync summary ("3 new, 1 updated, 0 deleted").
public struct ApplyResult: Hashable, Sendable {
    public var newItems = 0
    public var updatedItems = 0
    public var deletedItems = 0
    public var unchangedItems = 0

    public init() {}

    public var isUnchanged: Bool { newItems == 0 && updatedItems == 0 && deletedItems == 0 }
}

extension CacheDatabase {
    /// Stores a collection snapshot in one transaction: all of it lands, or none of it.
    @discardableResult
    public func apply(_ snapshot: CollectionSnapshot, origin: CacheOrigin, at now: Date = Date()) throws -> ApplyResult {
        try write { db in try Self.apply(snapshot, origin: origin, now: now, in: db) }
    }

    static func apply(_ snapshot: CollectionSnapshot, origin: CacheOrigin, now: Date, in db: Database) throws -> ApplyResult {
        let parentsChanged = try upsertTopics(snapshot.topics, in: db)
        try upsertCollection(snapshot.collection, origin: origin, now: now, in: db)
        let collectionURI = snapshot.collection.uri

        var result = ApplyResult()
        let existing = try Dictionary(
            Row.fetchAll(db, sql: "SELECT guid, id, content_hash FROM item WHERE collection_uri = ?", arguments: [collectionURI])
                .map { (row: Row) -> (String, (Int64, Int64)) in (row["guid"], (row["id"], row["content_hash"])) },
            uniquingKeysWith: { first, _ in first })

        let maxIDBefore = try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM item") ?? 0
        // Items are written with cached statements, not `ItemRecord`s: a first sync stores 100,000
        // of them, and Codable encoding costs about ten times a bound statement per row.
        let insertItem = try db.cachedStatement(sql: """
            INSERT INTO item (collection_uri, guid, kind, title, link, body, author, published,
                              event_start, event_end, event_location, list_date, topic_count, content_hash,
                              title_key, author_key)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (collection_uri, guid) DO NOTHING
            """)
        let updateItem = try db.cachedStatement(sql: """
            UPDATE item SET kind = ?, title = ?, link = ?, body = ?, author = ?, published = ?,
                            event_start = ?, event_end = ?, event_location = ?, list_date = ?,
                            topic_count = ?, content_hash = ?, title_key = ?, author_key = ?
            WHERE id = ?
            """)
        let deleteTopics = try db.cachedStatement(sql: "DELETE FROM item_topic WHERE item_id = ?")
        let insertTopic = try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO item_topic (item_id, topic_uri, position, list_date) VALUES (?, ?, ?, ?)
            """)

        // Into an empty item table, the secondary indexes are built once after the rows (a sort,
        // pages filled) instead of growing by random inserts (half-full pages, twice the writes).
        let bulkIndexes = existing.isEmpty && maxIDBefore == 0
        if bulkIndexes { try ItemBulkIndexes.drop(in: db) }
        // Row ids stored by this apply: 8 bytes each, where a set of the guids took ~10 MB at
        // 100,000 items, at the sync's peak of memory.
        var seen = Set<Int64>()
        seen.reserveCapacity(snapshot.items.count + snapshot.packedItems.count)
        // The first occurrence of an id wins, over `items` then `packedItems`.
        func store(_ item: Item) throws {
            let hash = ContentHash.of(item)
            let titleKey = TextFolding.fold(item.title), authorKey = TextFolding.fold(item.author)
            let itemID: Int64
            if let (id, storedHash) = existing[item.id] {
                guard seen.insert(id).inserted else { return }
                if storedHash == hash {
                    result.unchangedItems += 1
                    return
                }
                try FullTextIndex.remove(itemID: id, in: db)
                try updateItem.execute(arguments: [
                    item.kind.rawValue, item.title, item.link, item.body, item.author,
                    item.published.timeIntervalSince1970, item.eventStart?.timeIntervalSince1970,
                    item.eventEnd?.timeIntervalSince1970, item.eventLocation,
                    item.listDate.timeIntervalSince1970, item.topicURIs.count, hash, titleKey, authorKey, id,
                ])
                try deleteTopics.execute(arguments: [id])
                itemID = id
                result.updatedItems += 1
            } else {
                try insertItem.execute(arguments: [
                    collectionURI, item.id, item.kind.rawValue, item.title, item.link, item.body, item.author,
                    item.published.timeIntervalSince1970, item.eventStart?.timeIntervalSince1970,
                    item.eventEnd?.timeIntervalSince1970, item.eventLocation,
                    item.listDate.timeIntervalSince1970, item.topicURIs.count, hash, titleKey, authorKey,
                ])
                // Nothing inserted: the id came earlier in this snapshot.
                guard db.changesCount > 0 else { return }
                itemID = db.lastInsertedRowID
                seen.insert(itemID)
                result.newItems += 1
            }
            try FullTextIndex.add(itemID: itemID, titleKey: titleKey, body: item.body, authorKey: authorKey, in: db)
            let date = item.listDate.timeIntervalSince1970
            for (position, uri) in item.topicURIs.enumerated() {
                try insertTopic.execute(arguments: [itemID, uri, position, date])
            }
        }
        for item in snapshot.items { try store(item) }
        try snapshot.packedItems.forEach(store)
        if bulkIndexes { try ItemBulkIndexes.create(in: db) }
        if result.newItems > 0 { try ReadStateStorage.recordArrivals(collectionURI: collectionURI, after: maxIDBefore, at: now, in: db) }

        if snapshot.isCompleteListing {
            let gone = existing.keys.filter { !seen.contains(existing[$0]!.0) && !snapshot.keptItemIDs.contains($0) }
            let deleteItem = try db.cachedStatement(sql: "DELETE FROM item WHERE id = ?")
            for guid in gone {
                let id = existing[guid]!.0
                try FullTextIndex.remove(itemID: id, in: db)
                try deleteItem.execute(arguments: [id])
            }
            result.deletedItems = gone.count
        }

        if parentsChanged || !result.isUnchanged {
            // In-memory filter indexes built from an older version are dropped on their next use.
            try db.execute(sql: "UPDATE collection SET content_version = content_version + 1 WHERE uri = ?",
                           arguments: [collectionURI])
            try FilterIndexStorage.refresh(collectionURI: collectionURI, vocabularyChanged: parentsChanged, in: db)
        }
        if let members = snapshot.members {
            try replaceMembers(members, collectionURI: collectionURI, in: db)
        }
        return result
    }

    /// Upserts changed topics; returns whether any topic's parent changed (implied rows go stale).
    private static func upsertTopics(_ topics: [Topic], in db: Database) throws -> Bool {
        let current = Dictionary(try TopicRecord.fetchAll(db).map { ($0.uri, $0.topic) },
                                 uniquingKeysWith: { first, _ in first })
        var parentsChanged = false
        for topic in topics where current[topic.uri] != topic {
            if let known = current[topic.uri], known.parentURI != topic.parentURI { parentsChanged = true }
            try TopicRecord(topic).upsert(db)
        }
        return parentsChanged
    }

    private static func upsertCollection(_ collection: Collection, origin: CacheOrigin, now: Date, in db: Database) throws {
        try CollectionRecord(uri: collection.uri, alias: collection.alias, title: collection.title,
                             modified: collection.modified, about: collection, origin: origin.column, syncedAt: now)
            .upsert(db)
    }

    private static func replaceMembers(_ members: [Member], collectionURI: String, in db: Database) throws {
        try MemberRecord.filter(sql: "collection_uri = ?", arguments: [collectionURI]).deleteAll(db)
        // A members document naming one person twice keeps the last (no uniqueness error).
        for member in members { try MemberRecord(member, collectionURI: collectionURI).insert(db, onConflict: .replace) }
    }
}

/// A stable (process-independent) fingerprint of an item's stored fields: FNV-1a, 64 bits.
enum ContentHash {
    static func of(_ item: Item) -> Int64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ text: String) {
            // Over the contiguous UTF-8 buffer: the same bytes (so the same hashes as stored), without
            // the view's per-byte index checks.
            var text = text
            text.withUTF8 { bytes in
                for byte in bytes {
                    hash ^= UInt64(byte)
                    hash &*= 0x0000_0100_0000_01B3
                }
            }
            hash ^= 0xFF  // field separator, so ("ab","c") and ("a","bc") differ
            hash &*= 0x0000_0100_0000_01B3
        }
        mix(item.kind.rawValue)
        mix(item.title)
        mix(item.link)
        mix(item.body)
        mix(item.author)
        mix(String(item.published.timeIntervalSince1970))
        mix(item.eventStart.map { String($0.timeIntervalSince1970) } ?? "-")
        mix(item.eventEnd.map { String($0.timeIntervalSince1970) } ?? "-")
        mix(item.eventLocation ?? "-")
        for uri in item.topicURIs { mix(uri) }
        return Int64(bitPattern: hash)
    }
}
