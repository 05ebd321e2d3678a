import Foundation
import GRDB
import JoinupModel

/// A collection of the directory with what the browser marks it by.
public struct DirectoryListing: Hashable, Sendable {
    public var collection: DirectoryCollection
    /// False once a later directory read no longer lists it (kept: the user may have synced it).
    public var isPublished: Bool
    /// Its content is in the cache (`joinup sync` fetched it).
    public var isSynced: Bool
    /// The signed-in user's membership as last learnt; nil when unknown.
    public var membership: MyMembership?

    public init(collection: DirectoryCollection, isPublished: Bool, isSynced: Bool, membership: MyMembership?) {
        self.collection = collection
        self.isPublished = isPublished
        self.isSynced = isSynced
        self.membership = membership
    }
}

/// What to list: collections carrying any of `topicURIs` (OR; a category takes in its terms), and
/// whose title or abstract holds every word of `search` (case- and accent-insensitive).
public struct DirectoryQuery: Hashable, Sendable {
    public var topicURIs: Set<String>
    public var search: String
    /// Collections a later directory read dropped are left out unless asked for.
    public var includeUnpublished: Bool

    public init(topicURIs: Set<String> = [], search: String = "", includeUnpublished: Bool = false) {
        self.topicURIs = topicURIs
        self.search = search
        self.includeUnpublished = includeUnpublished
    }
}

/// The directory's answer to a query: the collections, by title, and the topic facet (Joinup's
/// rules: counted over the collections the search selects, ignoring the topic selection itself;
/// categories and terms by URI, so a category and a term sharing a label stay apart).
public struct DirectoryPage: Hashable, Sendable {
    public var collections: [DirectoryListing]
    public var topicCounts: [FacetCount]
}

/// Names an About pane shows for a collection: its owner, contact point and countries.
public struct DirectoryAbout: Hashable, Sendable {
    public var owner: DirectoryOwner?
    public var contact: DirectoryContact?
    /// Country URI and name, in the collection's order; the name is nil when no source gave one.
    public var countries: [(uri: String, name: String?)]

    public init(owner: DirectoryOwner?, contact: DirectoryContact?, countries: [(uri: String, name: String?)]) {
        self.owner = owner
        self.contact = contact
        self.countries = countries
    }

    public static func == (a: DirectoryAbout, b: DirectoryAbout) -> Bool {
        a.owner == b.owner && a.contact == b.contact && a.countries.map(\.uri) == b.countries.map(\.uri)
            && a.countries.map(\.name) == b.countries.map(\.name)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(owner)
        hasher.combine(contact)
        for country in countries { hasher.combine(country.uri); hasher.combine(country.name) }
    }
}

/// Where the last directory read of a remote came from.
public enum DirectorySource: String, Hashable, Sendable {
    case sparql
    /// joinup-remote's `/collections.xml` (no topics, owners or contacts).
    case collectionsXML = "collections.xml"
}

/// The collection directory: every collection a remote lists, synced or not, with topics, owners,
/// contact points and country names (stored by `storeDirectory`, v11 tables).
enum DirectoryStorage {
    /// The directory's tables (registered in `CacheSchema.migrations`).
    static func v11CollectionDirectory(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE directory_collection (
                uri TEXT PRIMARY KEY NOT NULL,
                remote TEXT NOT NULL,            -- the base URL whose directory listed it
                alias TEXT,
                title TEXT NOT NULL,
                abstract TEXT NOT NULL,
                search_key TEXT NOT NULL,        -- TextFolding.fold(title + abstract)
                modified REAL,                   -- epoch seconds
                is_closed INTEGER NOT NULL,
                state TEXT NOT NULL,
                owner_uri TEXT,
                contact_uri TEXT,
                topics TEXT NOT NULL,            -- space-separated topic URIs, in the source's order
                countries TEXT NOT NULL,         -- space-separated country URIs
                published INTEGER NOT NULL,      -- 0: the last read of its remote's directory no longer listed it
                unlisted_at REAL                 -- when that read happened
            );
            CREATE TABLE directory_topic (
                uri TEXT PRIMARY KEY NOT NULL,
                label TEXT NOT NULL,
                parent_uri TEXT,
                level TEXT NOT NULL
            );
            CREATE TABLE directory_owner (
                uri TEXT PRIMARY KEY NOT NULL,
                name TEXT NOT NULL,
                type_uri TEXT
            );
            CREATE TABLE directory_contact (
                uri TEXT PRIMARY KEY NOT NULL,
                name TEXT NOT NULL,
                email TEXT,
                web_page TEXT
            );
            CREATE TABLE country_name (
                uri TEXT PRIMARY KEY NOT NULL,
                name TEXT NOT NULL
            );
            CREATE TABLE directory_read (
                remote TEXT PRIMARY KEY NOT NULL,
                source TEXT NOT NULL,            -- DirectorySource raw value
                read_at REAL NOT NULL
            );
            """)
    }
}

extension CacheDatabase {
    /// Stores a directory read of `remote` in one transaction: its collections replace what that
    /// remote listed before; collections it no longer lists stay, marked unpublished. Topics
    /// replace the stored vocabulary when the read brought one; owners, contact points and
    /// country names are added or updated; `validators` are kept for the next conditional read.
    public func storeDirectory(_ snapshot: CollectionDirectorySnapshot, remote: String, source: DirectorySource,
                               validators: [ResourceValidator] = [], at now: Date = Date()) throws {
        try write { db in
            try Self.store(validators, now: now, in: db)
            let listed = Set(snapshot.collections.map(\.uri))
            let before = try String.fetchAll(db, sql: "SELECT uri FROM directory_collection WHERE remote = ? AND published = 1",
                                             arguments: [remote])
            for uri in before where !listed.contains(uri) {
                try db.execute(sql: "UPDATE directory_collection SET published = 0, unlisted_at = ? WHERE uri = ?",
                               arguments: [now.timeIntervalSince1970, uri])
            }
            let upsert = try db.cachedStatement(sql: """
                INSERT OR REPLACE INTO directory_collection
                (uri, remote, alias, title, abstract, search_key, modified, is_closed, state, owner_uri, contact_uri,
                 topics, countries, published, unlisted_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, NULL)
                """)
            for c in snapshot.collections {
                try upsert.execute(arguments: [
                    c.uri, remote, c.alias, c.title, c.abstract, TextFolding.fold(c.title + "\n" + c.abstract),
                    c.modified?.timeIntervalSince1970, c.isClosed, c.state, c.ownerURI, c.contactURI,
                    c.topicURIs.joined(separator: " "), c.countryURIs.joined(separator: " "),
                ])
            }
            if !snapshot.topics.isEmpty {
                try db.execute(sql: "DELETE FROM directory_topic")
                let insert = try db.cachedStatement(sql: "INSERT OR REPLACE INTO directory_topic (uri, label, parent_uri, level) VALUES (?, ?, ?, ?)")
                for topic in snapshot.topics {
                    try insert.execute(arguments: [topic.uri, topic.label, topic.parentURI, topic.level.rawValue])
                }
            }
            let owner = try db.cachedStatement(sql: "INSERT OR REPLACE INTO directory_owner (uri, name, type_uri) VALUES (?, ?, ?)")
            for o in snapshot.owners { try owner.execute(arguments: [o.uri, o.name, o.typeURI]) }
            let contact = try db.cachedStatement(sql: "INSERT OR REPLACE INTO directory_contact (uri, name, email, web_page) VALUES (?, ?, ?, ?)")
            for c in snapshot.contacts { try contact.execute(arguments: [c.uri, c.name, c.email, c.webPage]) }
            let country = try db.cachedStatement(sql: "INSERT OR REPLACE INTO country_name (uri, name) VALUES (?, ?)")
            for (uri, name) in snapshot.countryNames { try country.execute(arguments: [uri, name]) }
            try db.execute(sql: "INSERT OR REPLACE INTO directory_read (remote, source, read_at) VALUES (?, ?, ?)",
                           arguments: [remote, source.rawValue, now.timeIntervalSince1970])
        }
    }

    /// Whether any directory was ever stored (else the browser lists the cached collections).
    public func hasDirectory() throws -> Bool {
        try pool.read { db in try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM directory_read)") ?? false }
    }

    /// The directory's topic vocabulary (categories and terms).
    public func directoryTopics() throws -> [Topic] {
        try pool.read { db in try Self.directoryVocabulary(db) }
    }

    /// The collections `query` selects, by title, each with its markers, and the topic facet.
    public func directory(matching query: DirectoryQuery = DirectoryQuery()) throws -> DirectoryPage {
        try pool.read { db in
            let vocabulary = Dictionary(try Self.directoryVocabulary(db).map { ($0.uri, $0) }) { first, _ in first }
            let words = TextFolding.fold(query.search).split(whereSeparator: \.isWhitespace).map(String.init)
            let synced = Set(try String.fetchAll(db, sql: "SELECT uri FROM collection"))
            let memberships = try Self.myMemberships(db)
            var searched: [(listing: DirectoryListing, topics: Set<String>)] = []
            let rows = try Row.fetchCursor(db, sql: """
                SELECT * FROM directory_collection \(query.includeUnpublished ? "" : "WHERE published = 1")
                ORDER BY title COLLATE NOCASE, uri
                """)
            while let row = try rows.next() {
                let key: String = row["search_key"]
                guard words.allSatisfy({ key.contains($0) }) else { continue }
                let collection = Self.directoryCollection(row)
                let listing = DirectoryListing(collection: collection, isPublished: row["published"],
                                               isSynced: synced.contains(collection.uri),
                                               membership: memberships[collection.uri])
                searched.append((listing, FacetRules.effectiveTopics(of: collection.topicURIs, in: vocabulary)))
            }
            let counts = FacetRules.counts(items: searched.map { Array($0.topics) }, vocabulary: vocabulary)
            let selected = query.topicURIs.isEmpty ? searched : searched.filter { !$0.topics.isDisjoint(with: query.topicURIs) }
            return DirectoryPage(collections: selected.map(\.listing), topicCounts: counts)
        }
    }

    /// The owner, contact point and country names of a collection (directory data first; country
    /// URIs from the synced metadata when the directory does not list the collection).
    public func directoryAbout(collectionURI uri: String, countryURIs fallback: [String] = []) throws -> DirectoryAbout {
        try pool.read { db in
            let row = try Row.fetchOne(db, sql: "SELECT owner_uri, contact_uri, countries FROM directory_collection WHERE uri = ?",
                                       arguments: [uri])
            let ownerURI: String? = row?["owner_uri"], contactURI: String? = row?["contact_uri"]
            let listed = (row?["countries"] as String?).map { $0.split(separator: " ").map(String.init) } ?? []
            let owner = try ownerURI.flatMap { ownerURI in
                try Row.fetchOne(db, sql: "SELECT * FROM directory_owner WHERE uri = ?", arguments: [ownerURI])
                    .map { DirectoryOwner(uri: $0["uri"], name: $0["name"], typeURI: $0["type_uri"]) }
            }
            let contact = try contactURI.flatMap { contactURI in
                try Row.fetchOne(db, sql: "SELECT * FROM directory_contact WHERE uri = ?", arguments: [contactURI])
                    .map { DirectoryContact(uri: $0["uri"], name: $0["name"], email: $0["email"], webPage: $0["web_page"]) }
            }
            let countries = try (listed.isEmpty ? fallback : listed).map { country in
                (uri: country, name: try String.fetchOne(db, sql: "SELECT name FROM country_name WHERE uri = ?", arguments: [country]))
            }
            return DirectoryAbout(owner: owner, contact: contact, countries: countries)
        }
    }

    /// The stored name of each country URI known (SPARQL's `http://countries-skos`).
    public func countryNames(_ uris: [String]) throws -> [String: String] {
        guard !uris.isEmpty else { return [:] }
        return try pool.read { db in
            var names: [String: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT uri, name FROM country_name WHERE uri IN \(placeholders(uris.count))",
                                        arguments: StatementArguments(uris)) {
                names[row["uri"]] = row["name"]
            }
            return names
        }
    }

    /// The directory's collections of `remote` that are published and have content to sync (not
    /// archived unless `includeArchived`), by alias: the order `joinup sync` prints them in.
    public func directorySyncTargets(remote: String, includeArchived: Bool = false) throws -> [DirectoryCollection] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM directory_collection WHERE remote = ? AND published = 1
                \(includeArchived ? "" : "AND state <> 'archived'")
                ORDER BY COALESCE(alias, uri), uri
                """, arguments: [remote]).map(Self.directoryCollection)
        }
    }

    /// Where the last directory read of `remote` came from; nil when none was stored.
    public func directorySource(remote: String) throws -> DirectorySource? {
        try pool.read { db in
            try String.fetchOne(db, sql: "SELECT source FROM directory_read WHERE remote = ?", arguments: [remote])
                .flatMap(DirectorySource.init(rawValue:))
        }
    }

    private static func directoryVocabulary(_ db: Database) throws -> [Topic] {
        try Row.fetchAll(db, sql: "SELECT uri, label, parent_uri, level FROM directory_topic ORDER BY label COLLATE NOCASE, uri").map { row in
            Topic(uri: row["uri"], label: row["label"], parentURI: row["parent_uri"],
                  level: Topic.Level(rawValue: row["level"]) ?? .term)
        }
    }

    private static func directoryCollection(_ row: Row) -> DirectoryCollection {
        let topics: String = row["topics"], countries: String = row["countries"]
        let modified: Double? = row["modified"]
        return DirectoryCollection(
            uri: row["uri"], alias: row["alias"], title: row["title"], abstract: row["abstract"],
            modified: modified.map(Date.init(timeIntervalSince1970:)), isClosed: row["is_closed"], state: row["state"],
            ownerURI: row["owner_uri"], contactURI: row["contact_uri"],
            topicURIs: topics.split(separator: " ").map(String.init), countryURIs: countries.split(separator: " ").map(String.init))
    }
}
