import Foundation
import GRDB
import JoinupModel

/// The user's read state: which items were read, when each collection was last opened and when
/// the digest last ran. User data (carried over by `doctor --reset-cache`), keyed by what
/// survives a re-sync: the collection URI and the feed's guid, never the item's row id.
enum ReadStateStorage {
    /// The tables `CacheReset` carries over.
    static let tables = ["read_state", "collection_opened", "digest_run"]

    static func v12ReadState(_ db: Database) throws {
        // No foreign keys: a read mark outlives its item (deleted on the remote, then back) and
        // a reset-cache carry-over into an empty file.
        try db.execute(sql: """
            CREATE TABLE read_state (
                collection_uri TEXT NOT NULL,
                guid TEXT NOT NULL,
                read_at REAL NOT NULL,
                PRIMARY KEY (collection_uri, guid)
            ) WITHOUT ROWID;
            CREATE TABLE collection_opened (
                collection_uri TEXT PRIMARY KEY NOT NULL,
                opened_at REAL NOT NULL
            );
            -- Bumped by every change of a collection's read marks, in the same transaction: the
            -- key of the in-memory read positions (ReadMarkStore), so marks made by another
            -- process (`joinup digest --mark-read`) are seen too. Derived, so not carried over.
            CREATE TABLE read_version (
                collection_uri TEXT PRIMARY KEY NOT NULL,
                version INTEGER NOT NULL
            );
            CREATE TABLE digest_run (
                scope TEXT PRIMARY KEY NOT NULL,     -- 'digest': one row, a table for later scopes
                ran_at REAL NOT NULL
            );
            -- When this cache first stored each item (epoch seconds): "new since you last opened
            -- the collection" and the digest go by arrival, not by a date the remote chose. A
            -- table of its own rather than a column, so no row or table an older joinup wrote
            -- changes; items stored before this migration have none and count as long known.
            CREATE TABLE item_arrival (
                item_id INTEGER PRIMARY KEY REFERENCES item(id) ON DELETE CASCADE,
                first_seen REAL NOT NULL
            );
            """)
    }

    /// Position → read, over a collection's filter index.
    static func readPositions(index: FilterIndex, collectionURI: String, in db: Database) throws -> [Bool] {
        var read = [Bool](repeating: false, count: index.count)
        let cursor = try Int64.fetchCursor(db.cachedStatement(sql: """
            SELECT i.id FROM read_state r JOIN item i ON i.collection_uri = r.collection_uri AND i.guid = r.guid
            WHERE r.collection_uri = ?
            """), arguments: [collectionURI])
        while let id = try cursor.next() {
            if let position = index.position(of: id) { read[position] = true }
        }
        return read
    }

    /// The version of a collection's read marks (0: never changed in this file).
    static func version(collectionURI: String, in db: Database) throws -> Int64 {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT version FROM read_version WHERE collection_uri = ?"),
                           arguments: [collectionURI]) ?? 0
    }

    /// Records that a collection's read marks changed (inside the writing transaction).
    static func bump(collectionURI: String, in db: Database) throws {
        try db.execute(sql: """
            INSERT INTO read_version (collection_uri, version) VALUES (?, 1)
            ON CONFLICT (collection_uri) DO UPDATE SET version = version + 1
            """, arguments: [collectionURI])
    }

    /// Records the arrival of the items an apply inserted: they are the rows after `maxIDBefore`
    /// (an integer primary key grows), so one statement per apply, nothing per row.
    static func recordArrivals(collectionURI: String, after maxIDBefore: Int64, at now: Date, in db: Database) throws {
        try db.execute(sql: """
            INSERT OR IGNORE INTO item_arrival (item_id, first_seen)
            SELECT id, ? FROM item WHERE id > ? AND collection_uri = ?
            """, arguments: [now.timeIntervalSince1970, maxIDBefore, collectionURI])
    }

    /// When each of these items arrived (items without a record are absent).
    static func arrivals(ids: [Int64], in db: Database) throws -> [Int64: Date] {
        guard !ids.isEmpty else { return [:] }
        var result: [Int64: Date] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT item_id, first_seen FROM item_arrival WHERE item_id IN \(placeholders(ids.count))",
                                    arguments: StatementArguments(ids)) {
            result[row[0]] = Date(timeIntervalSince1970: row[1])
        }
        return result
    }

    /// The guids among `guids` marked read in a collection.
    static func readGuids(_ guids: [String], collectionURI: String, in db: Database) throws -> Set<String> {
        guard !guids.isEmpty else { return [] }
        return Set(try String.fetchAll(db, sql: """
            SELECT guid FROM read_state WHERE collection_uri = ? AND guid IN \(placeholders(guids.count))
            """, arguments: StatementArguments([collectionURI] + guids)))
    }
}

/// The read positions built so far, one per collection, keyed by the filter index's version and
/// the read marks' version: a filter change or keystroke reuses them instead of joining every
/// read mark to its item again (about 100 ms at 100,000 read items).
final class ReadMarkStore: @unchecked Sendable {
    private struct Entry {
        var index: FilterIndex
        var readVersion: Int64
        var positions: [Bool]
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]

    /// Position → read over `index`, as the read transaction sees the marks.
    func positions(collectionURI: String, index: FilterIndex, in db: Database) throws -> [Bool] {
        let readVersion = try ReadStateStorage.version(collectionURI: collectionURI, in: db)
        lock.lock()
        let known = entries[collectionURI]
        lock.unlock()
        if let known, known.index.version == index.version, known.readVersion == readVersion, known.positions.count == index.count {
            return known.positions
        }
        let positions = try ReadStateStorage.readPositions(index: index, collectionURI: collectionURI, in: db)
        lock.lock()
        entries[collectionURI] = Entry(index: index, readVersion: readVersion, positions: positions)
        lock.unlock()
        return positions
    }

    /// Our own marks, applied in place: when the kept positions were those of `versionBefore`
    /// (the version the marking transaction started from), they become those of the next version
    /// without reading 50,000 marks again (`m` at 100k items). Otherwise another writer came
    /// between, and the next read rebuilds them.
    func applied(collectionURI: String, rowIDs: [Int64], read: Bool, versionBefore: Int64) {
        lock.lock()
        defer { lock.unlock() }
        guard var entry = entries[collectionURI], entry.readVersion == versionBefore else { return }
        for id in rowIDs {
            if let position = entry.index.position(of: id), position < entry.positions.count { entry.positions[position] = read }
        }
        entry.readVersion = versionBefore + 1
        entries[collectionURI] = entry
    }
}

/// One item of `joinup digest`.
public struct DigestEntry: Hashable, Sendable {
    public var collectionURI: String
    public var collectionAlias: String
    public var collectionTitle: String
    public var id: String
    public var kind: ItemKind
    public var title: String
    public var link: String
    public var published: Date
    /// When this cache first stored it.
    public var arrived: Date

    public init(collectionURI: String, collectionAlias: String, collectionTitle: String, id: String, kind: ItemKind,
                title: String, link: String, published: Date, arrived: Date) {
        self.collectionURI = collectionURI
        self.collectionAlias = collectionAlias
        self.collectionTitle = collectionTitle
        self.id = id
        self.kind = kind
        self.title = title
        self.link = link
        self.published = published
        self.arrived = arrived
    }
}

extension CacheDatabase {
    /// Marks items of a collection read (or unread again), by guid.
    public func setRead(_ read: Bool, collectionURI: String, ids guids: [String], now: Date = Date()) throws {
        guard !guids.isEmpty else { return }
        let (versionBefore, rowIDs) = try write { db -> (Int64, [Int64]) in
            let versionBefore = try ReadStateStorage.version(collectionURI: collectionURI, in: db)
            let rowIDs = try Int64.fetchAll(db, sql: "SELECT id FROM item WHERE collection_uri = ? AND guid IN \(placeholders(guids.count))",
                                            arguments: StatementArguments([collectionURI] + guids))
            if read {
                let insert = try db.cachedStatement(sql: """
                    INSERT OR IGNORE INTO read_state (collection_uri, guid, read_at) VALUES (?, ?, ?)
                    """)
                for guid in guids { try insert.execute(arguments: [collectionURI, guid, now.timeIntervalSince1970]) }
            } else {
                try db.execute(sql: "DELETE FROM read_state WHERE collection_uri = ? AND guid IN \(placeholders(guids.count))",
                               arguments: StatementArguments([collectionURI] + guids))
            }
            try ReadStateStorage.bump(collectionURI: collectionURI, in: db)
            return (versionBefore, rowIDs)
        }
        readMarks.applied(collectionURI: collectionURI, rowIDs: rowIDs, read: read, versionBefore: versionBefore)
    }

    /// Marks every item the filter shows read, in one statement (so a kill leaves all or none of
    /// them read); returns how many were unread.
    @discardableResult
    public func markAllRead(collectionURI: String, filter: ItemFilter, now: Date = Date()) throws -> Int {
        try write { db in
            let evaluated = try evaluate(collectionURI: collectionURI, filter: filter, now: now, in: db)
            let ids = evaluated.window(order: evaluated.index.newestOrder, reversed: false, offset: 0, limit: Int.max)
            guard !ids.isEmpty else { return 0 }
            // The ids travel as one JSON array: one statement whatever their number (SQLite's
            // bound-parameter limit would otherwise split it).
            let list = "[" + ids.map(String.init).joined(separator: ",") + "]"
            try db.execute(sql: """
                INSERT OR IGNORE INTO read_state (collection_uri, guid, read_at)
                SELECT collection_uri, guid, ? FROM item WHERE id IN (SELECT value FROM json_each(?))
                """, arguments: [now.timeIntervalSince1970, list])
            let marked = db.changesCount
            try ReadStateStorage.bump(collectionURI: collectionURI, in: db)
            return marked
        }
    }

    /// Whether an item of a collection is marked read.
    public func isRead(collectionURI: String, id guid: String) throws -> Bool {
        try pool.read { db in try !ReadStateStorage.readGuids([guid], collectionURI: collectionURI, in: db).isEmpty }
    }

    /// Unread items of a collection.
    public func unreadCount(collectionURI: String) throws -> Int {
        try pool.read { db in try unreadCount(collectionURI: collectionURI, in: db) }
    }

    func unreadCount(collectionURI: String, in db: Database) throws -> Int {
        let index = try filterIndexes.index(collectionURI: collectionURI, in: db)
        return try readMarks.positions(collectionURI: collectionURI, index: index, in: db).count { !$0 }
    }

    /// The list offset of the next unread item after `offset` (before it when `backward`) in the
    /// filtered list, wrapping around; nil when the filter shows no unread item.
    public func unreadOffset(collectionURI: String, filter: ItemFilter, sort: ItemSort = .newest, from offset: Int,
                             backward: Bool = false, now: Date = Date()) throws -> Int? {
        try pool.read { db in
            let evaluated = try evaluate(collectionURI: collectionURI, filter: filter, now: now, in: db)
            let ids = try windowIDs(evaluated, collectionURI: collectionURI, filter: filter, sort: sort,
                                    offset: 0, limit: Int.max, in: db)
            let read = evaluated.read
            let unread = ids.indices.filter { evaluated.index.position(of: ids[$0]).map { !read[$0] } ?? false }
            return ReadNavigation.next(in: unread, from: offset, backward: backward)
        }
    }

    /// Records that a collection is being opened now; returns when it was opened before (nil: never).
    @discardableResult
    public func recordOpening(collectionURI: String, now: Date = Date()) throws -> Date? {
        try write { db in
            let previous = try Double.fetchOne(db, sql: "SELECT opened_at FROM collection_opened WHERE collection_uri = ?",
                                               arguments: [collectionURI])
            try db.execute(sql: """
                INSERT INTO collection_opened (collection_uri, opened_at) VALUES (?, ?)
                ON CONFLICT (collection_uri) DO UPDATE SET opened_at = excluded.opened_at
                """, arguments: [collectionURI, now.timeIntervalSince1970])
            return previous.map(Date.init(timeIntervalSince1970:))
        }
    }

    /// When `joinup digest` last ran (nil: never).
    public func lastDigest() throws -> Date? {
        try pool.read { db in
            try Double.fetchOne(db, sql: "SELECT ran_at FROM digest_run WHERE scope = 'digest'").map(Date.init(timeIntervalSince1970:))
        }
    }

    /// Stores when the digest ran, and marks its items read when asked, in one transaction.
    public func recordDigest(at now: Date = Date(), markingRead entries: [DigestEntry] = []) throws {
        try write { db in
            try db.execute(sql: """
                INSERT INTO digest_run (scope, ran_at) VALUES ('digest', ?)
                ON CONFLICT (scope) DO UPDATE SET ran_at = excluded.ran_at
                """, arguments: [now.timeIntervalSince1970])
            let insert = try db.cachedStatement(sql: "INSERT OR IGNORE INTO read_state (collection_uri, guid, read_at) VALUES (?, ?, ?)")
            for entry in entries { try insert.execute(arguments: [entry.collectionURI, entry.id, now.timeIntervalSince1970]) }
            for uri in Set(entries.map(\.collectionURI)) { try ReadStateStorage.bump(collectionURI: uri, in: db) }
        }
    }

    /// Items that arrived after `since` (every item when nil) in the given collections (every
    /// cached one when nil): by collection title, then kind, then newest first.
    public func arrivals(since: Date?, collectionURIs: Set<String>?) throws -> [DigestEntry] {
        try pool.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT c.uri, c.alias, c.title AS collection_title, i.guid, i.kind, i.title, i.link, i.published,
                       COALESCE(a.first_seen, 0) AS first_seen
                FROM item i JOIN collection c ON c.uri = i.collection_uri LEFT JOIN item_arrival a ON a.item_id = i.id
                WHERE COALESCE(a.first_seen, 0) > ?
                ORDER BY c.title COLLATE NOCASE, c.uri, i.published DESC, i.id DESC
                """, arguments: [since?.timeIntervalSince1970 ?? -Double.greatestFiniteMagnitude])
            let entries = try rows.compactMap { row -> DigestEntry? in
                let uri: String = row["uri"]
                if let collectionURIs, !collectionURIs.contains(uri) { return nil }
                let kind: String = row["kind"]
                guard let known = ItemKind(rawValue: kind) else { throw CacheError.unreadableValue(column: "item.kind", value: kind) }
                return DigestEntry(collectionURI: uri, collectionAlias: row["alias"], collectionTitle: row["collection_title"],
                                   id: row["guid"], kind: known, title: row["title"], link: row["link"],
                                   published: Date(timeIntervalSince1970: row["published"]),
                                   arrived: Date(timeIntervalSince1970: row["first_seen"]))
            }
            // Kinds in Joinup's order within a collection; the sort is stable, so newest first stays.
            let kindOrder = Dictionary(uniqueKeysWithValues: ItemKind.allCases.enumerated().map { ($1, $0) })
            let collectionOrder = Dictionary(entries.enumerated().map { ($1.collectionURI, $0) }, uniquingKeysWith: min)
            return entries.enumerated().sorted { a, b in
                let ka = (collectionOrder[a.element.collectionURI]!, kindOrder[a.element.kind]!, a.offset)
                let kb = (collectionOrder[b.element.collectionURI]!, kindOrder[b.element.kind]!, b.offset)
                return ka < kb
            }.map(\.element)
        }
    }
}

/// Where `n` / `N` go among the unread rows of a list.
public enum ReadNavigation {
    /// The first of `unread` (ascending list offsets) after `offset`, or before it when
    /// `backward`, wrapping around the list; nil when there is none.
    public static func next(in unread: [Int], from offset: Int, backward: Bool) -> Int? {
        if backward { return unread.last(where: { $0 < offset }) ?? unread.last }
        return unread.first(where: { $0 > offset }) ?? unread.first
    }
}
