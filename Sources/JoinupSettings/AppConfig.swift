import Foundation
import JoinupStore

/// What config.toml says. Every key is optional; problems are collected, not thrown, so the
/// browser can start with the good parts and `joinup config --check` can list them all. (Key
/// conflicts need the key table: `keyConflicts(file:)` in JoinupViews checks them.)
public struct AppConfig: Hashable, Sendable {
    public var remote: String?
    public var theme: String?
    /// Seconds between background syncs while the browser runs; nil or 0: off.
    public var syncInterval: Int?
    /// The command that opens links, as an argument vector (the URL is appended, or replaces `%u`).
    public var browser: [String]?
    /// Whether the browser reads the mouse (default true).
    public var mouse: Bool?
    /// Whether joining and leaving are switched off (issue 5 acts on it).
    public var readonly: Bool?
    /// `[keys]`: command → the keys that issue it.
    public var keys: [Command: [Key]] = [:]
    /// The line each `[keys]` remap is written on, for problems found later (key conflicts).
    public var keyLines: [Command: Int] = [:]
    /// `sparql = "URL"`: the remote's SPARQL endpoint when it is not `<remote>/sparql` (issue 15).
    public var sparql: String?
    /// `clipboard = "osc52" | "off"`: how `y` copies a link (default osc52).
    public var clipboard: ClipboardMode?

    public init() {}

    /// The shortest background-sync interval accepted, so a typo cannot hammer a server.
    public static let minimumSyncInterval = 10

    /// Keys config.toml knows, for "unknown key" messages.
    public static let knownKeys = ["remote", "theme", "sync_interval", "browser", "mouse", "readonly", "keys", "sparql", "clipboard"]

    /// Parses config text: the config and every problem found, each with its line and key.
    public static func parse(_ text: String, file: String) -> (AppConfig, [SettingsIssue]) {
        let document: SettingsDocument
        do {
            document = try SettingsDocument.parse(text, file: file)
        } catch {
            return (AppConfig(), [error])
        }
        var config = AppConfig()
        var issues: [SettingsIssue] = []
        for (key, value) in document.root.sorted(by: { (document.line(of: $0.key) ?? 0) < (document.line(of: $1.key) ?? 0) }) {
            switch (key, value) {
            case ("remote", .string(let text)):
                if let url = URL(string: text), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host != nil {
                    config.remote = text
                } else {
                    issues.append(document.issue(key, "\"\(text)\" is not an http(s) URL"))
                }
            case ("theme", .string(let text)) where !text.isEmpty:
                config.theme = text
            case ("sync_interval", _):
                switch interval(value) {
                case .some(0): config.syncInterval = nil
                case .some(let seconds) where seconds >= minimumSyncInterval: config.syncInterval = seconds
                default:
                    issues.append(document.issue(key, "must be 0 (off) or at least \(minimumSyncInterval) seconds: a number of seconds or \"30s\", \"15m\", \"1h\""))
                }
            case ("browser", .string(let text)):
                let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
                if words.isEmpty { issues.append(document.issue(key, "is empty")) } else { config.browser = words }
            case ("browser", .array(let list)):
                let words = list.compactMap { if case .string(let word) = $0 { word } else { nil } }
                if words.isEmpty || words.count != list.count {
                    issues.append(document.issue(key, "must be a command: a string, or a list of strings"))
                } else {
                    config.browser = words
                }
            case ("mouse", .boolean(let flag)): config.mouse = flag
            case ("readonly", .boolean(let flag)): config.readonly = flag
            // issue 15: the SPARQL endpoint, validated like `remote`.
            case ("sparql", .string(let text)):
                if let url = URL(string: text), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host != nil {
                    config.sparql = text
                } else {
                    issues.append(document.issue(key, "\"\(text)\" is not an http(s) URL"))
                }
            case ("clipboard", .string(let text)):
                if let mode = ClipboardMode(rawValue: text) {
                    config.clipboard = mode
                } else {
                    issues.append(document.issue(key, "must be \"osc52\" or \"off\", not \"\(text)\""))
                }
            case ("keys", .table(let table)):
                readKeys(table, into: &config, issues: &issues, document: document)
            case (_, _) where knownKeys.contains(key):
                issues.append(document.issue(key, "has the wrong type (\(value.kindName)); see README \"Configuration\""))
            default:
                issues.append(document.issue(key, "unknown key (known: \(knownKeys.joined(separator: ", ")))"))
            }
        }
        return (config, issues.inLineOrder())
    }

    /// Reads config.toml from a path: no file is an empty config, not an error.
    public static func load(path: String) -> (AppConfig, [SettingsIssue]) {
        guard FileManager.default.fileExists(atPath: path) else { return (AppConfig(), []) }
        if let refusal = writableByOthers(path) {
            // Whoever can write it chooses the remote the token goes to, and the browser command.
            return (AppConfig(), [SettingsIssue(file: path, line: nil, key: nil, message: refusal)])
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return (AppConfig(), [SettingsIssue(file: path, line: nil, key: nil, message: "cannot be read")])
        }
        return parse(String(decoding: data, as: UTF8.self), file: path)
    }

    /// Why the file at `path` is not used when someone else can change it (it, or its folder,
    /// writable by group or others, or owned by another user); nil when only its owner can.
    static func writableByOthers(_ path: String) -> String? {
        var file = stat()
        guard stat(path, &file) == 0 else { return nil }
        let mode = String(file.st_mode & 0o777, radix: 8)
        if file.st_uid != getuid() && file.st_uid != 0 {
            return "belongs to another user (uid \(file.st_uid)); not used: the file chooses where your sign-in token goes"
        }
        if file.st_mode & 0o022 != 0 {
            return "can be changed by others (mode \(mode)); not used: run `chmod 600 \(path)`"
        }
        let folder = (path as NSString).deletingLastPathComponent
        var parent = stat()
        if stat(folder.isEmpty ? "." : folder, &parent) == 0, parent.st_mode & 0o022 != 0, parent.st_mode & UInt32(S_ISVTX) == 0 {
            return "is in a folder others can write (\(folder), mode \(String(parent.st_mode & 0o777, radix: 8))); not used: run `chmod 700 \(folder)`"
        }
        return nil
    }

    private static func readKeys(_ table: [String: SettingsDocument.Value], into config: inout AppConfig,
                                 issues: inout [SettingsIssue], document: SettingsDocument) {
        for (action, value) in table.sorted(by: { $0.key < $1.key }) {
            let path = "keys.\(action)"
            guard let command = KeyAction.command(named: action) else {
                issues.append(document.issue(path, "unknown action (known: \(KeyAction.all.map(\.name).joined(separator: ", ")))"))
                continue
            }
            let names: [SettingsDocument.Value]
            switch value {
            case .string: names = [value]
            case .array(let list) where !list.isEmpty: names = list
            default:
                issues.append(document.issue(path, "must be a key name or a list of key names"))
                continue
            }
            var keys: [Key] = []
            for name in names {
                guard case .string(let text) = name, let key = KeyName.parse(text) else {
                    issues.append(document.issue(path, "\(name) is not a key (\"j\", \"ctrl-c\", \"pgdn\", \"space\", \"f5\", …)"))
                    continue
                }
                keys.append(key)
            }
            if !keys.isEmpty {
                config.keys[command] = keys
                config.keyLines[command] = document.line(of: path)
            }
        }
    }

    /// Seconds from 90, "90", "90s", "15m", "1h"; nil when it is none of those.
    static func interval(_ value: SettingsDocument.Value) -> Int? {
        switch value {
        case .integer(let seconds): return seconds >= 0 ? seconds : nil
        case .string(let text):
            let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
            let units: [Character: Int] = ["s": 1, "m": 60, "h": 3600]
            if let last = trimmed.last, let unit = units[last], let number = Int(trimmed.dropLast()), number >= 0 {
                return number * unit
            }
            return Int(trimmed).flatMap { $0 >= 0 ? $0 : nil }
        default: return nil
        }
    }
}
