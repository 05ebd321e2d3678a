import GRDB
import JoinupModel

/// The v10 search data: text reaches the index already folded by `TextFolding`, and so do queries.
///
/// Up to v9 the full-text index read `item`'s raw text and left the folding to the tokenizer:
/// `unicode61 remove_diacritics 2` removes only the marks Unicode decomposes, so "lodz" missed
/// "Łódź", "strasse" missed "Straße" and "αθηνα" missed "Αθήνα", while the author filter and the
/// title sort (`title_key`, `author_key`) folded differently again. From v10 the index is
/// contentless: it indexes `TextFolding.fold` of the title, body and author (and, as before,
/// stores no copy of the text), and each search word is folded the same way.
enum FoldedSearch {
    /// The full-text index's definition from v10 on (`FullTextIndex` keeps it in step with `item`).
    /// The tokenizer splits the folded text into words (its own case and diacritic folding finds
    /// nothing left to do, and search words go through it too); `detail = none` and the prefixes
    /// as in v9 (`CacheSchema.v9LeanIndexes`).
    static let fullTextDefinition = """
        CREATE VIRTUAL TABLE item_fts USING fts5(
            title, body, author,
            content = '',
            tokenize = "unicode61 remove_diacritics 2",
            prefix = '1 2 3',
            detail = none
        )
        """

    /// The tokenizer `item_fts` uses, for splitting search words the way the index does.
    static var tokenizer: FTS5TokenizerDescriptor { .unicode61(diacritics: .remove) }

    /// Recomputes every folded copy (`title_key`, `author_key`) and the whole full-text index
    /// from `item`'s text: what a change of `TextFolding.fold` needs (a migration calls it).
    static func refold(in db: Database) throws {
        try db.execute(sql: "INSERT INTO item_fts(item_fts) VALUES('delete-all')")
        var keys: [(id: Int64, title: String, author: String)] = []
        let rows = try Row.fetchCursor(db, sql: "SELECT id, title, body, author FROM item")
        while let row = try rows.next() {
            let id: Int64 = row["id"]
            let title = TextFolding.fold(row["title"]), author = TextFolding.fold(row["author"])
            try FullTextIndex.add(itemID: id, titleKey: title, body: row["body"], authorKey: author, in: db)
            keys.append((id, title, author))
        }
        let update = try db.makeStatement(sql: "UPDATE item SET title_key = ?, author_key = ? WHERE id = ?")
        for key in keys {
            try update.execute(arguments: [key.title, key.author, key.id])
        }
    }

    /// The MATCH expression for `text` against `item_fts` (nil: no text constraint), over the
    /// folded text.
    ///
    /// An index without positions (`detail = none`) refuses phrases, and a quoted word that the
    /// tokenizer splits in two (a Hebrew point or a virama inside it, say) is a phrase: such a
    /// word is searched as its tokens, each a prefix. Every other word is searched as it is.
    static func fullTextMatch(_ text: String, in db: Database) throws -> String? {
        let folded = TextFolding.fold(text)
        guard FTSQuery.match(folded) != nil else { return nil }
        let tokenizer = try db.makeTokenizer(tokenizer)
        return try FTSQuery.match(folded) { word in
            try tokenizer.tokenize(query: word).compactMap { $0.flags.contains(.colocated) ? nil : $0.token }
        }
    }
}

/// Keeps the contentless FTS5 index `item_fts` in step with `item`. An entry must be removed with
/// the very values it was indexed with: the folded copies stored in the row and the fold of its
/// body, so `remove` runs before the row changes.
enum FullTextIndex {
    static func remove(itemID: Int64, in db: Database) throws {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT title_key, body, author_key FROM item WHERE id = ?"),
                                         arguments: [itemID]) else { return }
        try db.cachedStatement(sql: "INSERT INTO item_fts(item_fts, rowid, title, body, author) VALUES('delete', ?, ?, ?, ?)")
            .execute(arguments: [itemID, row["title_key"], TextFolding.fold(row["body"]), row["author_key"]])
    }

    /// Indexes an item from its stored folded title and author and its raw body.
    static func add(itemID: Int64, titleKey: String, body: String, authorKey: String, in db: Database) throws {
        try db.cachedStatement(sql: "INSERT INTO item_fts(rowid, title, body, author) VALUES (?, ?, ?, ?)")
            .execute(arguments: [itemID, titleKey, TextFolding.fold(body), authorKey])
    }
}
