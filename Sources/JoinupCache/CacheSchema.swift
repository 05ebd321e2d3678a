import GRDB
import JoinupModel

/// The cache's schema as ordered, named migrations; a released migration is never edited.
enum CacheSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: collections, topics, items, members") { db in
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
        migrator.registerMigration("v2: sync bookkeeping") { db in
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
        migrator.registerMigration("v3: whether a collection's remote publishes its members") { db in
            // The real Joinup publishes no members document: the Members tab then says so
            // instead of showing an empty list as if nobody had joined.
            try db.execute(sql: "ALTER TABLE collection ADD COLUMN members_published INTEGER NOT NULL DEFAULT 1")
        }
        migrator.registerMigration("v4: full-text search") { db in
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
        migrator.registerMigration("v5: saved views") { db in
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
        CacheDatabase.registerOutboxMigration(in: &migrator)
        FilterIndexStorage.registerMigration(in: &migrator)
        LeanSchema.registerMigration(in: &migrator)
        FoldedSearch.registerMigration(in: &migrator)
        DirectoryStorage.registerMigration(in: &migrator)
        return migrator
    }
}
