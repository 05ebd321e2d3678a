import TOMLKit

/// A problem in a settings file (a theme or config.toml): which file, line and key, and what is wrong.
public struct SettingsIssue: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var key: String?
    public var message: String

    public init(file: String, line: Int?, key: String?, message: String) {
        self.file = file
        self.line = line
        self.key = key
        self.message = message
    }

    /// "themes/mine.toml:4: list.selected.bg: …", the shape compilers use so editors can jump to it.
    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        text += ": "
        if let key { text += "\(key): " }
        return text + message
    }
}

extension Array where Element == SettingsIssue {
    /// The issues by file and line, as an editor walks them; issues without a line come first, and
    /// issues on one line keep their order.
    public func inLineOrder() -> [SettingsIssue] {
        enumerated().sorted { a, b in
            let left = (a.element.file, a.element.line ?? 0, a.offset), right = (b.element.file, b.element.line ?? 0, b.offset)
            return left < right
        }.map(\.element)
    }
}

/// A TOML file read into plain values (TOMLKit's tables are reference types; these are Sendable
/// values), with the line each key is written on so that semantic errors can name it too.
public struct SettingsDocument: Hashable, Sendable {
    /// One TOML value.
    public indirect enum Value: Hashable, Sendable {
        case string(String)
        case integer(Int)
        case float(Double)
        case boolean(Bool)
        case array([Value])
        case table([String: Value])
        /// Dates and times, which no setting uses: kept by their TOML type name for error messages.
        case other(String)

        /// "a string", "an integer", … for messages.
        public var kindName: String {
            switch self {
            case .string: "a string"
            case .integer: "an integer"
            case .float: "a number"
            case .boolean: "true or false"
            case .array: "a list"
            case .table: "a table"
            case .other(let name): "a \(name)"
            }
        }
    }

    public var file: String
    public var root: [String: Value]
    /// Dotted key path → line where it is written (TOMLKit reports lines for syntax errors only).
    public var lines: [String: Int]

    /// Parses TOML text; a syntax error becomes an issue with TOMLKit's line.
    public static func parse(_ text: String, file: String) throws(SettingsIssue) -> SettingsDocument {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw SettingsIssue(file: file, line: error.source.begin.line, key: nil,
                                message: "not valid TOML: \(error.description)")
        } catch {
            throw SettingsIssue(file: file, line: nil, key: nil, message: "not valid TOML: \(error)")
        }
        return SettingsDocument(file: file, root: convert(table), lines: keyLines(in: text))
    }

    /// The line of a key path, or of the nearest enclosing table written in the file.
    public func line(of path: String) -> Int? {
        var components = path.split(separator: ".").map(String.init)
        while !components.isEmpty {
            if let line = lines[components.joined(separator: ".")] { return line }
            components.removeLast()
        }
        return nil
    }

    /// An issue at a key of this document.
    public func issue(_ path: String, _ message: String) -> SettingsIssue {
        SettingsIssue(file: file, line: line(of: path), key: path, message: message)
    }

    private static func convert(_ table: TOMLTable) -> [String: Value] {
        var result: [String: Value] = [:]
        for key in table.keys {
            if let value = table[key] { result[key] = convert(value) }
        }
        return result
    }

    private static func convert(_ value: TOMLValueConvertible) -> Value {
        switch value.type {
        case .string: return .string(value.string ?? "")
        case .int: return .integer(value.int ?? 0)
        case .double: return .float(value.double ?? 0)
        case .bool: return .boolean(value.bool ?? false)
        case .array: return .array((value.array.map { Array($0) } ?? []).map { convert($0) })
        case .table: return .table(value.table.map(convert) ?? [:])
        default: return .other("\(value.type)")
        }
    }

    /// Finds `[table]` headers and `key =` lines (bare, quoted and dotted keys). Enough for the
    /// files people write by hand; a key it cannot place falls back to its table's line.
    static func keyLines(in text: String) -> [String: Int] {
        var lines: [String: Int] = [:]
        var table: [String] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimming(" \t\r")
            if line.hasPrefix("#") || line.isEmpty { continue }
            if line.hasPrefix("[") {
                let inner = line.drop { $0 == "[" }.prefix { $0 != "]" }
                table = keyComponents(String(inner))
                lines[table.joined(separator: "."), default: index + 1] = index + 1
                continue
            }
            guard let equals = line.firstIndex(of: "=") else { continue }
            let key = keyComponents(String(line[..<equals]))
            guard !key.isEmpty else { continue }
            let path = (table + key).joined(separator: ".")
            if lines[path] == nil { lines[path] = index + 1 }
        }
        return lines
    }

    private static func keyComponents(_ text: String) -> [String] {
        text.split(separator: ".").map {
            $0.trimming(" \t").trimming("\"'")
        }.filter { !$0.isEmpty }
    }
}

private extension StringProtocol {
    /// Drops any of `characters` from both ends.
    func trimming(_ characters: String) -> String {
        let set = Set(characters)
        var slice = Substring(self)
        while let first = slice.first, set.contains(first) { slice.removeFirst() }
        while let last = slice.last, set.contains(last) { slice.removeLast() }
        return String(slice)
    }
}
