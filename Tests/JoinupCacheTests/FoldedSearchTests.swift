import Foundation
import GRDB
import JoinupModel
import JoinupTestSupport
import Testing
@testable import JoinupCache

/// Search finds letters Unicode does not decompose (ł, ø, ß, æ, œ, þ, ħ, ı, đ) and Greek without
/// its accents, whichever way they are typed: through the real cache, in a real SQLite file.
@Suite struct FoldedSearchTests {
    let folder: TemporaryFolder
    let cache: CacheDatabase
    let uri = Fixture.collectionURI

    static let titles = [
        "Łódź smart city", "Øresund bridge data", "Straße und Verkehr", "Æbeltoft harbour", "Cœur de ville",
        "Þingvellir park", "Ħamrun local council", "Diyarbakır report", "Đakovo registry", "Αθήνα open data",
        "Ο δήμος", "Пловдив община", "Plain English title",
    ]

    static func items(_ titles: [String]) -> [Item] {
        titles.enumerated().map { n, title in
            var item = Fixture.item(n + 1, topics: [], day: Double(n), title: title)
            item.body = "Nothing special."
            return item
        }
    }

    init() throws {
        folder = try TemporaryFolder()
        cache = try CacheDatabase(path: folder.path("cache.sqlite"))
        var items = Self.items(Self.titles)
        items[0].author = "Łukasz Wróbel"
        items[12].body = "Written in Łódź by the Øresund team."
        try cache.apply(Fixture.snapshot(items: items, members: [
            Member(id: "m1", name: "Łucja Øster", businessTitle: "", organisation: "", roles: [.member], state: .active,
                   memberSince: Fixture.date(1)),
        ]), origin: .embeddedSnapshot)
    }

    private func found(_ text: String) throws -> [String] {
        try cache.itemSummaries(collectionURI: uri, filter: ItemFilter(text: text), offset: 0, limit: 100).map(\.title).sorted()
    }

    @Test(arguments: [
        ("lodz", ["Plain English title", "Łódź smart city"]), ("LODZ", ["Plain English title", "Łódź smart city"]),
        ("Łódź", ["Plain English title", "Łódź smart city"]), ("łód", ["Plain English title", "Łódź smart city"]),
        ("oresund", ["Plain English title", "Øresund bridge data"]), ("ØRESUND", ["Plain English title", "Øresund bridge data"]),
        ("strasse", ["Straße und Verkehr"]), ("STRASSE", ["Straße und Verkehr"]), ("straß", ["Straße und Verkehr"]),
        ("aebeltoft", ["Æbeltoft harbour"]), ("æbeltoft", ["Æbeltoft harbour"]),
        ("coeur", ["Cœur de ville"]), ("CŒUR", ["Cœur de ville"]),
        ("thingvellir", ["Þingvellir park"]), ("þingvellir", ["Þingvellir park"]),
        ("hamrun", ["Ħamrun local council"]), ("ĦAMRUN", ["Ħamrun local council"]),
        ("diyarbakir", ["Diyarbakır report"]), ("DIYARBAKIR", ["Diyarbakır report"]),
        ("dakovo", ["Đakovo registry"]),
        ("αθηνα", ["Αθήνα open data"]), ("ΑΘΗΝΑ", ["Αθήνα open data"]), ("Αθήνα", ["Αθήνα open data"]),
        ("δημος", ["Ο δήμος"]), ("δημοσ", ["Ο δήμος"]), ("ΔΉΜΟΣ", ["Ο δήμος"]),
        ("пловдив", ["Пловдив община"]), ("ПЛОВДИВ", ["Пловдив община"]),
        ("lodzz", []), ("strase", []),
    ])
    func aSearchFindsTheFoldedTitle(query: String, titles: [String]) throws {
        #expect(try found(query) == titles, "\(query)")
    }

    @Test func theAuthorFilterTheTitleSortAndMemberNamesFoldTheSame() throws {
        let byAuthor = try cache.itemSummaries(collectionURI: uri, filter: ItemFilter(author: "lukasz wrob"), offset: 0, limit: 10)
        #expect(byAuthor.map(\.title) == ["Łódź smart city"])
        // "Łódź" sorts as "lodz" (Foundation's "łódź" sorted after every ASCII title).
        let sorted = try cache.itemSummaries(collectionURI: uri, filter: .none, sort: .title, offset: 0, limit: 100).map(\.title)
        #expect(sorted.firstIndex(of: "Łódź smart city")! < sorted.firstIndex(of: "Plain English title")!)
        #expect(sorted.firstIndex(of: "Łódź smart city")! > sorted.firstIndex(of: "Ħamrun local council")!)
        #expect(try cache.members(collectionURI: uri, nameQuery: "lucja oster").map(\.id) == ["m1"])
    }

    @Test func anUpdateAndADeleteKeepTheIndexWhole() throws {
        var items = Self.items(Self.titles)
        items[0].title = "Gdańsk harbour"
        _ = try cache.apply(Fixture.snapshot(items: items), origin: .embeddedSnapshot)
        #expect(try found("lodz") == [])
        #expect(try found("gdansk") == ["Gdańsk harbour"])
        _ = try cache.apply(Fixture.snapshot(items: Array(items.dropFirst())), origin: .embeddedSnapshot)
        #expect(try found("gdansk") == [])
        try cache.pool.write { db in try db.execute(sql: "INSERT INTO item_fts(item_fts) VALUES('integrity-check')") }
        let indexed = try cache.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM item_fts") }
        #expect(indexed == Self.titles.count - 1)
    }

    /// A cache written by the last release (v9: the index over raw text, keys folded by Foundation
    /// alone) is refolded when opened: the same search then finds what it missed.
    @Test func aVersion9CacheIsRefoldedWhenOpened() throws {
        let path = folder.path("v9.sqlite")
        let queue = try DatabaseQueue(path: path)
        try CacheSchema.migrator.migrate(queue, upTo: "v9-own-topics-only")
        var items = Self.items(["Łódź smart city", "Øresund bridge data", "Αθήνα open data"])
        items[1].author = "Łukasz Wróbel"
        try queue.write { db in
            try OldSchemaFixture.insert(Fixture.snapshot(items: items), in: db)
            // What v9's apply stored: Foundation's fold in the keys, the raw text in the index.
            func v9Key(_ text: String) -> String {
                text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil).lowercased()
            }
            for row in try Row.fetchAll(db, sql: "SELECT id, title, author FROM item") {
                try db.execute(sql: "UPDATE item SET title_key = ?, author_key = ? WHERE id = ?",
                               arguments: [v9Key(row["title"]), v9Key(row["author"]), row["id"]])
            }
            try db.execute(sql: "INSERT INTO item_fts(item_fts) VALUES('rebuild')")
        }
        let before = try queue.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM item_fts WHERE item_fts MATCH '\"lodz\"*'")
        }
        #expect(before == 0)
        try queue.close()

        let migrated = try CacheDatabase(path: path)
        func titles(_ filter: ItemFilter) throws -> [String] {
            try migrated.itemSummaries(collectionURI: uri, filter: filter, offset: 0, limit: 10).map(\.title)
        }
        #expect(try titles(ItemFilter(text: "lodz")) == ["Łódź smart city"])
        #expect(try titles(ItemFilter(text: "oresund")) == ["Øresund bridge data"])
        #expect(try titles(ItemFilter(text: "αθηνα")) == ["Αθήνα open data"])
        #expect(try titles(ItemFilter(author: "lukasz")) == ["Øresund bridge data"])
        let keys = try migrated.pool.read { db in try String.fetchAll(db, sql: "SELECT title_key FROM item ORDER BY id") }
        #expect(keys == ["lodz smart city", "oresund bridge data", "αθηνα open data"])
        try migrated.pool.write { db in try db.execute(sql: "INSERT INTO item_fts(item_fts) VALUES('integrity-check')") }
    }
}
