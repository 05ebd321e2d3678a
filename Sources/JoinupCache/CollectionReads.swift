import Foundation
import GRDB
import JoinupModel

/// A collection as listed in the cache (for pickers and for choosing what to open).
public struct CachedCollection: Hashable, Sendable {
    public var uri: String
    public var alias: String
    public var title: String
    public var itemCount: Int
    /// Items the user has not read.
    public var unreadCount: Int

    public init(uri: String, alias: String, title: String, itemCount: Int = 0, unreadCount: Int = 0) {
        self.uri = uri
        self.unreadCount = unreadCount
        self.alias = alias
        self.title = title
        self.itemCount = itemCount
    }
}

extension CacheDatabase {
    /// Every stored collection, by title.
    public func collections() throws -> [CachedCollection] {
        try pool.read { db in
            // Counts from the filter indexes (stored; the browser needs the opened one anyway):
            // a COUNT(*) read a whole index, 8 MB at 100,000 items, on every start.
            try CollectionNameRecord.order(sql: "title COLLATE NOCASE").fetchAll(db).map { record in
                var collection = record.cachedCollection
                collection.itemCount = try filterIndexes.index(collectionURI: record.uri, in: db).count
                collection.unreadCount = try unreadCount(collectionURI: record.uri, in: db)
                return collection
            }
        }
    }

    /// Finds a collection by URI or alias.
    public func collection(named name: String) throws -> CachedCollection? {
        try pool.read { db in
            try CollectionNameRecord.filter(sql: "uri = ? OR alias = ?", arguments: [name, name]).fetchOne(db)?
                .cachedCollection
        }
    }

    /// The base URL of the remote a collection was synced from; nil when it came from the embedded
    /// snapshot or is not in the cache.
    public func collectionSource(uri: String) throws -> String? {
        try pool.read { db in
            let origin = try String.fetchOne(db, sql: "SELECT origin FROM collection WHERE uri = ?", arguments: [uri])
            return origin == CacheOrigin.embeddedSnapshot.column ? nil : origin
        }
    }

    /// Every cached collection's alias and the base URL of the remote it was synced from (nil:
    /// the embedded snapshot).
    public func collectionSources() throws -> [(alias: String, source: String?)] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT alias, origin FROM collection ORDER BY alias").map { row in
                let origin: String = row["origin"]
                return (row["alias"], origin == CacheOrigin.embeddedSnapshot.column ? nil : origin)
            }
        }
    }

    /// The header of a collection page: last update, active member count, counts by kind.
    public func header(collectionURI uri: String) throws -> CollectionHeader {
        try pool.read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT alias, title, modified, origin, membership, members_published,
                       -- an unchanged re-sync stamps only sync_status: the header shows it too
                       MAX(synced_at, COALESCE((SELECT last_success FROM sync_status s WHERE s.alias = c.alias), 0)) AS synced_at,
                       (SELECT MAX(published) FROM item WHERE collection_uri = c.uri) AS newest,
                       (SELECT COUNT(*) FROM member WHERE collection_uri = c.uri AND state = 'active') AS members
                FROM collection c WHERE uri = ?
                """, arguments: [uri]) else { throw CacheError.unknownCollection(uri) }
            // From the filter index (stored, or built once for the filters anyway): a GROUP BY
            // read a 16 MB index at 100,000 items, the largest part of a first frame.
            let index = try filterIndexes.index(collectionURI: uri, in: db)
            let kindCounts = Self.kinds(index.kindTotals())
            let unread = try unreadCount(collectionURI: uri, in: db)
            let modified: Double = row["modified"]
            let newest: Double? = row["newest"]
            let membership: String? = row["membership"]
            return CollectionHeader(
                uri: uri, alias: row["alias"], title: row["title"],
                lastUpdate: Date(timeIntervalSince1970: max(modified, newest ?? modified)),
                memberCount: row["members"], membersPublished: row["members_published"], kindCounts: kindCounts,
                membership: membership.flatMap(MembershipState.init(rawValue:)),
                origin: CacheOrigin.dataOrigin(column: row["origin"], syncedAt: Date(timeIntervalSince1970: row["synced_at"])),
                unreadCount: unread)
        }
    }

    /// The About metadata as last synced.
    public func about(collectionURI uri: String) throws -> Collection {
        guard let record = try pool.read({ db in try CollectionRecord.fetchOne(db, key: uri) }) else {
            throw CacheError.unknownCollection(uri)
        }
        return record.about
    }

    /// Topics by URI, in the order asked; unknown URIs are skipped.
    public func topics(uris: [String]) throws -> [Topic] {
        guard !uris.isEmpty else { return [] }
        let found = try pool.read { db in
            try TopicRecord.fetchAll(db, keys: uris).map(\.topic)
        }
        let byURI = Dictionary(found.map { ($0.uri, $0) }, uniquingKeysWith: { first, _ in first })
        return uris.compactMap { byURI[$0] }
    }

    /// Members in a given state, owners and facilitators first, then by name.
    /// - Parameters:
    ///   - roles: keep members holding any of these roles (empty: everyone).
    ///   - nameQuery: keep members whose name contains this, case- and accent-insensitive.
    public func members(collectionURI uri: String, state: MembershipState = .active, roles: Set<Role> = [],
                        nameQuery: String = "") throws -> [Member] {
        let members = try pool.read { db in
            try Self.members(collectionURI: uri, state: state, in: db)
        }
        return members
            .filter { member in
                (roles.isEmpty || member.roles.contains(where: roles.contains))
                    && TextFolding.contains(member.name, nameQuery)
            }
            .sorted { a, b in
                if a.leadingRole != b.leadingRole { return a.leadingRole < b.leadingRole }
                return a.name.compare(b.name, options: [.caseInsensitive, .diacriticInsensitive]) == .orderedAscending
            }
    }

    /// Active members per role (a member holding two roles counts under both), over the members
    /// whose name contains `nameQuery`; roles nobody holds are absent.
    public func roleCounts(collectionURI uri: String, nameQuery: String = "") throws -> [Role: Int] {
        var counts: [Role: Int] = [:]
        for member in try members(collectionURI: uri, state: .active, nameQuery: nameQuery) {
            for role in Set(member.roles) { counts[role, default: 0] += 1 }
        }
        return counts
    }

    private static func members(collectionURI uri: String, state: MembershipState, in db: Database) throws -> [Member] {
        try MemberRecord.filter(sql: "collection_uri = ? AND state = ?", arguments: [uri, state.rawValue])
            .fetchAll(db).map { try $0.member() }
    }

    /// Topics whose label is `label`, case- and accent-insensitive ("ict" finds the ICT category
    /// and the ICT term); categories first, then by URI.
    public func topics(labeled label: String) throws -> [Topic] {
        let key = TopicLookup.key(label)
        return try allTopics().filter { TopicLookup.key($0.label) == key }
            .sorted { a, b in a.isCategory != b.isCategory ? a.isCategory : a.uri < b.uri }
    }
}

/// "(?, ?, ?)" for an IN clause of `count` values.
func placeholders(_ count: Int) -> String {
    "(" + Array(repeating: "?", count: count).joined(separator: ", ") + ")"
}
