import Foundation

/// Every row of every table of a SQLite file as text, to compare a cache before and after
/// something that must not change it.
///
/// Read through the `sqlite3` shell (read-only), so a test needs neither GRDB nor the app's
/// modules. One line per row, "table: column=value | …", each value as an SQL literal (`quote`;
/// reals with 17 digits, so any change shows), the lines sorted.
public enum TableDump {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// The dump of the file at `path`. A table named in `keeping` contributes only those columns
    /// (e.g. `sync_status`, where a failed sync records its attempt and error by design).
    public static func lines(of path: String, keeping: [String: [String]] = [:]) throws -> [String] {
        let columns = try sqlite(path, """
            SELECT m.name || char(31) || p.name FROM sqlite_master m, pragma_table_info(m.name) p
            WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' ORDER BY m.name, p.cid
            """)
        var tables: [(name: String, columns: [String])] = []
        for pair in columns {
            let parts = pair.split(separator: "\u{1F}", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }
            if let kept = keeping[parts[0]], !kept.contains(parts[1]) { continue }
            if tables.last?.name == parts[0] {
                tables[tables.count - 1].columns.append(parts[1])
            } else {
                tables.append((parts[0], [parts[1]]))
            }
        }
        guard !tables.isEmpty else { return [] }
        let selects = tables.map { table in
            let values = table.columns.map { column in
                "\(literal(column + "=")) || CASE typeof(\(identifier(column))) WHEN 'real' THEN printf('%!.17g', \(identifier(column))) "
                    + "ELSE quote(\(identifier(column))) END"
            }
            return "SELECT \(literal(table.name + ": ")) || " + values.joined(separator: " || ' | ' || ") + " FROM \(identifier(table.name))"
        }
        return try sqlite(path, selects.joined(separator: ";\n")).sorted()
    }

    /// The rows a query prints, split on the record separator (values may hold line breaks).
    private static func sqlite(_ path: String, _ sql: String) throws -> [String] {
        let result = try runCommand("/usr/bin/env", ["sqlite3", "-readonly", "-bail", "-newline", "\u{1E}", path, sql])
        guard result.status == 0 else { throw Failure(description: "sqlite3 \(path): \(result.stderr)") }
        return result.stdout.split(separator: "\u{1E}", omittingEmptySubsequences: true).map(String.init)
    }

    private static func literal(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }

    private static func identifier(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
}
