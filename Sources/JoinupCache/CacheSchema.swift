import GRDB
import JoinupModel

/// The cache's schema: every migration, in the order it runs, registered here and nowhere else.
///
/// GRDB records each identifier in the file it migrated, so a released identifier is never
/// renamed and a released migration never edited: a renamed one would run again on every user's
/// cache, and an identifier this joinup does not know makes the file look written by a newer one
/// (`CacheError.newerSchema`). The first five identifiers keep their historical "vN: words" style;
/// since v6 they are "vN-words", the style for every new one. A new migration is one line
/// appended to `migrations` and one function below.
enum CacheSchema {
    static let migrations: [(identifier: String, migrate: @Sendable (Database) throws -> Void)] = [
        ("v1: collections, topics, items, members", v1CollectionsTopicsItemsMembers),
        ("v2: sync bookkeeping", v2SyncBookkeeping),
        ("v3: whether a collection's remote publishes its members", v3MembersPublished),
        ("v4: full-text search", v4FullTextSearch),
        ("v5: saved views", v5SavedViews),
        ("v6-outbox", v6Outbox),
        ("v7-newest-item-index", v7NewestItemIndex),
        ("v7-filter-index-snapshot", v7FilterIndexSnapshot),
        ("v9-lean-indexes", v9LeanIndexes),
        ("v9-own-topics-only", v9OwnTopicsOnly),
        ("v10-fold-every-letter", v10FoldEveryLetter),
        ("v11-collection-directory", DirectoryStorage.v11CollectionDirectory),
        ("v12-read-state", ReadStateStorage.v12ReadState),
    ]

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for (identifier, migrate) in migrations { migrator.registerMigration(identifier, migrate: migrate) }
        return migrator
    }

    static func v1CollectionsTopicsItemsMembers(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE collection (
                uri TEXT PRIMARY KEY NOT NULL,
                alias TEXT NOT NULL UNIQUE,
                title TEXT NOT NULL,
                modified REAL NOT NULL,          -- epoch seconds: the collection's own change
                about_json TEXT NOT NULL,        -- the About metadata, read whole
                origin TEXT NOT NULL,            -- 'embedded' or the remote's base URL
                synced_at REAL NOT NULL,
                membership TEXT                  -- the signed-in user's state, if any
            );
            CREATE TABLE topic (
                uri TEXT PRIMARY KEY NOT NULL,
                label TEXT NOT NULL,
                parent_uri TEXT,
                level TEXT NOT NULL
            );
            CREATE TABLE item (
                id INTEGER PRIMARY KEY,
                collection_uri TEXT NOT NULL REFERENCES collection(uri) ON DELETE CASCADE,
                guid TEXT NOT NULL,
                kind TEXT NOT NULL,
                title TEXT NOT NULL,
                link TEXT NOT NULL,
                body TEXT NOT NULL,
                author TEXT NOT NULL,
                published REAL NOT NULL,
                event_start REAL,
                event_end REAL,
                event_location TEXT,
                list_date REAL NOT NULL,         -- event start for events, else published
                topic_count INTEGER NOT NULL,    -- own topics, for "+N topics"
                content_hash INTEGER NOT NULL,   -- lets an unchanged re-sync write nothing
                UNIQUE (collection_uri, guid)
            );
            CREATE INDEX item_by_collection_date ON item(collection_uri, list_date DESC);
            -- One row per item and topic it counts under: its own terms (with their position)
            -- and the categories they imply (position NULL). Carrying list_date here lets a
            -- topic filter read newest-first straight from the index.
            CREATE TABLE item_topic (
                item_id INTEGER NOT NULL REFERENCES item(id) ON DELETE CASCADE,
                topic_uri TEXT NOT NULL,
                position INTEGER,
                list_date REAL NOT NULL,
                PRIMARY KEY (item_id, topic_uri)
            ) WITHOUT ROWID;
            CREATE INDEX item_topic_by_topic_date ON item_topic(topic_uri, list_date DESC);
            CREATE TABLE member (
                collection_uri TEXT NOT NULL REFERENCES collection(uri) ON DELETE CASCADE,
                id TEXT NOT NULL,
                name TEXT NOT NULL,
                business_title TEXT NOT NULL,
                organisation TEXT NOT NULL,
                roles TEXT NOT NULL,             -- comma-separated Role raw values
                state TEXT NOT NULL,
                member_since REAL NOT NULL,
                PRIMARY KEY (collection_uri, id)
            );
            """)
    }

    static func v2SyncBookkeeping(_ db: Database) throws {
        try db.execute(sql: """
            -- HTTP validators per resource URL, written in the same transaction as the data they
            -- describe: an ETag is never remembered for a body that was not stored.
            CREATE TABLE http_validator (
                url TEXT PRIMARY KEY NOT NULL,
                etag TEXT,
                last_modified TEXT,              -- the Last-Modified header, verbatim
                stored_at REAL NOT NULL
            );
            -- One row per collection alias a sync was attempted for (the URI may be unknown
            -- when the first sync of a collection fails).
            CREATE TABLE sync_status (
                alias TEXT PRIMARY KEY NOT NULL,
                remote TEXT NOT NULL,
                last_attempt REAL NOT NULL,
                last_success REAL,
                last_error TEXT                  -- NULL after a successful sync
            );
            """)
    }

    static func v3MembersPublished(_ db: Database) throws {
        // The real Joinup publishes no members document: the Members tab then says so
        // instead of showing an empty list as if nobody had joined.
        try db.execute(sql: "ALTER TABLE collection ADD COLUMN members_published INTEGER NOT NULL DEFAULT 1")
    }

    static func v4FullTextSearch(_ db: Database) throws {
        // An external-content FTS5 index over item: the text lives once, in `item`; the index
        // is kept in step by `CollectionWrites.apply` (bulk after a first import, row by row
        // for later updates and deletes) rather than by triggers, which cost +8 s per 100k
        // inserted rows. Any new code that deletes or edits items must update it too.
        // `remove_diacritics 2` lets "europeen" find "européen"; the prefix indexes make the
        // 1–3 character prefixes of a search-as-you-type cheap.
        try db.execute(sql: """
            CREATE VIRTUAL TABLE item_fts USING fts5(
                title, body, author,
                content = 'item', content_rowid = 'id',
                tokenize = "unicode61 remove_diacritics 2",
                prefix = '1 2 3'
            );
            INSERT INTO item_fts(item_fts) VALUES('rebuild');
            -- Folded (lower-case, accent-free) copies for the title sort and the author filter.
            ALTER TABLE item ADD COLUMN title_key TEXT NOT NULL DEFAULT '';
            ALTER TABLE item ADD COLUMN author_key TEXT NOT NULL DEFAULT '';
            -- Bumped by every apply that changes a collection's items or their topics: the
            -- key of the in-memory filter index (FilterIndex.swift).
            ALTER TABLE collection ADD COLUMN content_version INTEGER NOT NULL DEFAULT 0;
            """)
        let update = try db.makeStatement(sql: "UPDATE item SET title_key = ?, author_key = ? WHERE id = ?")
        let rows = try Row.fetchCursor(db, sql: "SELECT id, title, author FROM item")
        var keys: [(Int64, String, String)] = []
        while let row = try rows.next() {
            keys.append((row["id"], TextFolding.fold(row["title"]), TextFolding.fold(row["author"])))
        }
        for (id, title, author) in keys {
            try update.execute(arguments: [title, author, id])
        }
        try db.execute(sql: """
            CREATE INDEX item_by_collection_title ON item(collection_uri, title_key);
            -- Kind counts and kind filters read this instead of the table.
            CREATE INDEX item_by_collection_kind ON item(collection_uri, kind, list_date);
            """)
    }

    static func v5SavedViews(_ db: Database) throws {
        // The last filter and sort per collection, as JSON of `ItemFilter` and the
        // `ItemSort` raw value. No foreign key: remembering a view never fails.
        try db.execute(sql: """
            CREATE TABLE saved_view (
                collection_uri TEXT PRIMARY KEY NOT NULL,
                filter_json TEXT NOT NULL,
                sort TEXT NOT NULL,
                saved_at REAL NOT NULL
            );
            """)
    }

    /// The outbox, and the signed-in user's membership per collection (kept apart from
    /// `collection` so a re-imported collection keeps it).
    static func v6Outbox(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE outbox (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                collection_alias TEXT NOT NULL,
                collection_uri TEXT NOT NULL,
                collection_title TEXT NOT NULL,
                kind TEXT NOT NULL,                 -- 'join' or 'leave'
                idempotency_key TEXT NOT NULL UNIQUE,
                created REAL NOT NULL,
                attempts INTEGER NOT NULL DEFAULT 0,
                next_attempt REAL NOT NULL,         -- epoch seconds: the backoff survives restarts
                last_error TEXT
            );
            CREATE TABLE my_membership (
                collection_uri TEXT PRIMARY KEY NOT NULL,
                collection_alias TEXT NOT NULL,
                state TEXT NOT NULL,                -- MyMembership raw value
                updated REAL NOT NULL
            );
            """)
    }

    static func v7NewestItemIndex(_ db: Database) throws {
        // The header's "newest item" (MAX(published)) read every row of the collection: 70 MB
        // at 100,000 items, most of a 100k first frame once the filter index was stored.
        try db.execute(sql: "CREATE INDEX item_by_collection_published ON item(collection_uri, published)")
    }

    /// Creates `filter_index_snapshot` (FilterIndexStorage.swift) and stores the index of every
    /// collection already cached.
    static func v7FilterIndexSnapshot(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE filter_index_snapshot (
                collection_uri TEXT PRIMARY KEY NOT NULL REFERENCES collection(uri) ON DELETE CASCADE,
                content_version INTEGER NOT NULL,   -- the collection's content_version it was built at
                data BLOB NOT NULL
            );
            """)
        for uri in try String.fetchAll(db, sql: "SELECT uri FROM collection") {
            try FilterIndexStorage.store(collectionURI: uri, in: db)
        }
    }

    /// What the first sync no longer writes.
    ///
    /// Measured on a generated 100,000-item cache (`dbstat`, docs/BENCHMARKS.md): `item_fts` took
    /// 67 MB with full position lists; positions serve phrase and NEAR queries only, and the search
    /// never makes either (`FTSQuery`: every word a prefix, ANDed), so `detail = none` keeps the same
    /// answers in 12 MB. Two indexes had no reader left once the filter index was stored:
    /// `item_topic_by_topic_date` (37 MB; topic filters run on the in-memory index) and
    /// `item_by_collection_date` (8 MB; the newest-first order is stored in the index blob). And
    /// `item_by_collection_kind` (16 MB, read only to build a filter index) and
    /// `item_by_collection_published` (15 MB, for the header's newest item) become one index
    /// covering both reads (9 MB, `ItemBulkIndexes`): one random-order index fewer to keep up on
    /// every insert.
    static func v9LeanIndexes(_ db: Database) throws {
        try db.execute(sql: """
            DROP INDEX IF EXISTS item_topic_by_topic_date;
            DROP INDEX IF EXISTS item_by_collection_date;
            DROP INDEX IF EXISTS item_by_collection_kind;
            DROP INDEX IF EXISTS item_by_collection_published;
            DROP TABLE item_fts;
            \(v9FullTextDefinition);
            INSERT INTO item_fts(item_fts) VALUES('rebuild');
            """)
        try ItemBulkIndexes.create(in: db)
    }

    /// The full-text index's definition in v9 (v10's is `FoldedSearch.fullTextDefinition`).
    static let v9FullTextDefinition = """
        CREATE VIRTUAL TABLE item_fts USING fts5(
            title, body, author,
            content = 'item', content_rowid = 'id',
            tokenize = "unicode61 remove_diacritics 2",
            prefix = '1 2 3',
            detail = none
        )
        """

    static func v9OwnTopicsOnly(_ db: Database) throws {
        // `item_topic` held, beside each item's own terms, one row per category they imply
        // (position NULL): 256,000 of 556,000 rows at 100,000 items, read by nothing but the
        // SQL reference queries since the filter index derives categories from the
        // vocabulary. Those queries (now in the tests: `ItemFilterSQL`) do the same.
        try db.execute(sql: "DELETE FROM item_topic WHERE position IS NULL")
    }

    /// Refolds every title and author key and rebuilds the full-text index over folded text
    /// (FoldedSearch.swift says why).
    static func v10FoldEveryLetter(_ db: Database) throws {
        try db.execute(sql: "DROP TABLE item_fts; \(FoldedSearch.fullTextDefinition)")
        try FoldedSearch.refold(in: db)
    }
}
