import Foundation
import GRDB
import JoinupModel
import JoinupTestSupport

/// Reads a cache file through its own SQLite connection: a dump of every row of every table, and
/// every stored string, to compare before/after and to scan for control characters.
struct CacheInspection {
    let path: String

    /// Every table's rows (`TableDump`). `sync_status` keeps only alias and last success: a
    /// failed sync records its attempt and error there, by design.
    func dump() throws -> [String] {
        try TableDump.lines(of: path, keeping: ["sync_status": ["alias", "last_success"]])
    }

    /// Every text value stored, with where it is (table.column), FTS internals left out (they
    /// hold the same text, tokenised).
    func storedStrings() throws -> [(place: String, text: String)] {
        let queue = try DatabaseQueue(path: path, configuration: Self.readOnly)
        return try queue.read { db in
            var out: [(String, String)] = []
            for table in try Self.tables(db) where !table.contains("_fts") {
                for row in try Row.fetchAll(db, sql: "SELECT * FROM \"\(table)\"") {
                    for (column, value) in row {
                        if case .string(let text) = value.storage { out.append(("\(table).\(column)", text)) }
                    }
                }
            }
            return out
        }
    }

    /// Stored strings holding a scalar that must not reach a terminal (line breaks allowed).
    func unsafeStrings() throws -> [String] {
        try storedStrings().compactMap { place, text in
            let bad = text.unicodeScalars.first { $0 != "\n" && !TerminalText.isAllowed($0) }
            return bad.map { "\(place) holds U+\(String($0.value, radix: 16, uppercase: true)): \(text.prefix(80).debugDescription)" }
        }
    }

    private static func tables(_ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    }

    private static var readOnly: Configuration {
        var configuration = Configuration()
        configuration.readonly = true
        return configuration
    }
}
