import ArgumentParser
import Foundation
import JoinupModel

/// `--json`, `--csv` and `--no-header`: the output options every listing shares.
struct OutputOptions: ParsableArguments {
    @Flag(help: "One JSON object per line (the same fields as the columns).")
    var json = false

    @Flag(help: "CSV (RFC 4180) with a header row.")
    var csv = false

    @Flag(name: .customLong("no-header"), help: "Leave out the header row of the tab-separated and CSV output.")
    var noHeader = false

    /// The format asked for; both --json and --csv is a usage error.
    func format() throws -> OutputFormat {
        switch (json, csv) {
        case (true, true): throw CommandFailure(message: "choose one of --json and --csv")
        case (true, false): return .json
        case (false, true): return .csv
        case (false, false): return .tsv
        }
    }
}

/// How a listing is printed: tab-separated (the default), CSV, or JSON lines.
enum OutputFormat: Sendable {
    case tsv, csv, json
}

/// One value of a listing: text, a count (nil: not known), a yes/no, or a list of texts.
enum FieldValue: Encodable, Equatable, Sendable {
    case text(String)
    case count(Int?)
    case flag(Bool)
    case list([String])

    /// The value in one TSV or CSV cell: a list joined with "; ", an unknown count empty.
    var cellText: String {
        switch self {
        case .text(let text): text
        case .count(let count): count.map(String.init) ?? ""
        case .flag(let flag): flag ? "yes" : "no"
        case .list(let texts): texts.joined(separator: "; ")
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .text(let text): try container.encode(text)
        case .count(let count): try container.encode(count)
        case .flag(let flag): try container.encode(flag)
        case .list(let texts): try container.encode(texts)
        }
    }
}

/// A listing's fields in column order: the same names and values in TSV, CSV and JSON, so a
/// script can switch formats without renaming anything. `items`, `members` and `collections`
/// each declare one.
struct Listing {
    var fields: [String]
    var format: OutputFormat
    var header: Bool
    private var out = OutputBuffer()

    init(fields: [String], options: OutputOptions) throws {
        self.fields = fields
        format = try options.format()
        header = !options.noHeader
    }

    /// The header row (TSV and CSV, unless --no-header); call once, before the rows.
    mutating func start() throws(OutputFailure) {
        guard header else { return }
        switch format {
        case .tsv: try out.line(fields.joined(separator: "\t"))
        case .csv: try out.line(CSV.record(fields), terminator: CSV.lineEnd)
        case .json: break
        }
    }

    /// One row: `values` in the order of `fields`. `jsonExtra` holds what only JSON can carry
    /// whole (an item's multi-paragraph body).
    mutating func row(_ values: [FieldValue], jsonExtra: [String: FieldValue] = [:]) throws {
        precondition(values.count == fields.count, "a row has one value per field")
        switch format {
        case .tsv:
            try out.line(values.map { cell($0.cellText) }.joined(separator: "\t"))
        case .csv:
            try out.line(CSV.record(values.map(\.cellText)), terminator: CSV.lineEnd)
        case .json:
            let object = Dictionary(uniqueKeysWithValues: zip(fields, values)).merging(jsonExtra) { field, _ in field }
            try out.line(try JSONLines.line(object))
        }
    }

    mutating func finish() throws(OutputFailure) {
        try out.flush()
    }
}
