import ArgumentParser
import Foundation
import JoinupCache
import JoinupModel

/// `joinup digest`: what arrived across collections since the last digest, for cron and mail.
struct Digest: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "digest",
        abstract: "List what is new across collections since the last digest (for cron and mail).",
        discussion: """
            New means stored by a sync after the last `joinup digest` ran (or after --since). \
            Collections you have joined by default (every cached one when you have joined none); \
            --all for every cached collection, --collection (repeatable) to choose. Grouped by \
            collection, then type, newest first, with links. Each run remembers when it ran; \
            --mark-read also marks the listed items read. With nothing new it prints \
            "Nothing new since …" and exits 0. Dates are in your local time.
            """)

    @OptionGroup var options: PathOptions

    @Option(help: ArgumentHelp("Items stored since this day, your local time (default: the last digest).",
                               valueName: "YYYY[-MM[-DD]]"))
    var since: String?

    @Flag(help: "Every cached collection, joined or not.")
    var all = false

    @Option(name: .customLong("collection"), help: ArgumentHelp("Only this collection, by alias or URI (repeatable).",
                                                                valueName: "alias"))
    var collections: [String] = []

    @Option(help: ArgumentHelp("text, markdown or json.", valueName: "format"))
    var format: String = DigestFormat.text.rawValue

    @Flag(name: .customLong("mark-read"), help: "Mark the listed items read.")
    var markRead = false

    func run() throws {
        try reportingFailures {
            guard let style = DigestFormat(rawValue: format) else {
                throw CommandFailure(message: "unknown format \"\(format)\"; use text, markdown or json")
            }
            if all && !collections.isEmpty { throw CommandFailure(message: "choose one of --all and --collection") }
            var start: Date?
            if let since {
                guard let date = QueryDate.start(of: since, in: .current) else {
                    throw CommandFailure(message: "--since wants a date as YYYY, YYYY-MM or YYYY-MM-DD, not \"\(since)\"")
                }
                start = date
            }
            let cache = try OpenedCache.open(options, collection: nil).cache
            let now = Date()
            if start == nil { start = try cache.lastDigest() }
            let chosen = try chosenCollections(cache)
            let entries = try cache.arrivals(since: start, collectionURIs: chosen)
            var out = OutputBuffer()
            for line in DigestText.render(entries, since: start, now: now, format: style) { try out.line(line) }
            try out.flush()
            if !cache.isReadOnly { try cache.recordDigest(at: now, markingRead: markRead ? entries : []) }
        }
    }

    /// The collection URIs to look in; nil for every cached one.
    private func chosenCollections(_ cache: CacheDatabase) throws -> Set<String>? {
        if all { return nil }
        if !collections.isEmpty {
            return try Set(collections.map { name in
                guard let found = try cache.collection(named: name) else { throw CacheError.unknownCollection(name) }
                return found.uri
            })
        }
        let joined = try cache.collections().filter { [.active, .owner].contains(try cache.myMembership(collectionURI: $0.uri)) }
        return joined.isEmpty ? nil : Set(joined.map(\.uri))
    }
}

/// The digest's output formats.
enum DigestFormat: String, CaseIterable {
    case text, markdown, json
}

/// The digest's text, pure: the same entries and dates always give the same lines.
enum DigestText {
    static func render(_ entries: [DigestEntry], since: Date?, now: Date, format: DigestFormat,
                       timeZone: TimeZone = .current) -> [String] {
        if format == .json { return [json(entries, since: since, now: now)] }
        let sinceText = since.map { localTime($0, timeZone) } ?? "the first digest"
        guard !entries.isEmpty else { return ["Nothing new since \(sinceText)."] }
        var lines: [String] = []
        let collectionCount = Set(entries.map(\.collectionURI)).count
        let heading = "What's new since \(sinceText): \(count(entries.count, "item")) in \(count(collectionCount, "collection"))"
        lines.append(format == .markdown ? "# \(markdown(heading))" : heading)
        for group in groups(entries) {
            let first = group[0]
            lines.append("")
            let title = "\(cell(first.collectionTitle)) (\(cell(first.collectionAlias)))"
            lines.append(format == .markdown ? "## \(markdown(title))" : title)
            for kindGroup in groups(group, by: \.kind) {
                let kind = kindGroup[0].kind.label
                lines.append(format == .markdown ? "\n### \(kind)\n" : "  \(kind)")
                for entry in kindGroup {
                    let day = JoinupDate.day(entry.published)
                    if format == .markdown {
                        lines.append("- [\(markdown(cell(entry.title)))](<\(cell(entry.link))>) — \(day)")
                    } else {
                        lines.append("    \(day)  \(cell(entry.title))")
                        lines.append("                \(cell(entry.link))")
                    }
                }
            }
        }
        return lines
    }

    /// One JSON document: `since` and `generated` (ISO 8601, null when there was no last digest),
    /// then the collections, each with its items.
    static func json(_ entries: [DigestEntry], since: Date?, now: Date) -> String {
        struct Item: Encodable { var id, kind, title, date, link, arrived: String }
        struct Group: Encodable { var uri, alias, title: String; var items: [Item] }
        struct Document: Encodable {
            var since: String?
            var generated: String
            var collections: [Group]

            enum CodingKeys: String, CodingKey { case since, generated, collections }

            /// `since` is written as null when there was no digest before (the encoder would drop it).
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(since, forKey: .since)
                try container.encode(generated, forKey: .generated)
                try container.encode(collections, forKey: .collections)
            }
        }
        let document = Document(since: since.map(ISODate.string), generated: ISODate.string(now), collections: groups(entries).map { group in
            Group(uri: group[0].collectionURI, alias: group[0].collectionAlias, title: group[0].collectionTitle,
                  items: group.map { Item(id: $0.id, kind: $0.kind.rawValue, title: $0.title, date: ISODate.string($0.published),
                                          link: $0.link, arrived: ISODate.string($0.arrived)) })
        })
        return (try? JSONLines.line(document)) ?? "{}"
    }

    /// Runs of entries sharing a collection (the cache returns them grouped).
    private static func groups(_ entries: [DigestEntry]) -> [[DigestEntry]] { groups(entries, by: \.collectionURI) }

    private static func groups<Key: Equatable>(_ entries: [DigestEntry], by key: KeyPath<DigestEntry, Key>) -> [[DigestEntry]] {
        var result: [[DigestEntry]] = []
        for entry in entries {
            if let last = result.last?.last, last[keyPath: key] == entry[keyPath: key] {
                result[result.count - 1].append(entry)
            } else {
                result.append([entry])
            }
        }
        return result
    }

    private static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    /// `2026-12-06 19:40 (local time)`.
    static func localTime(_ date: Date, _ timeZone: TimeZone) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date) + " (local time)"
    }

    /// Markdown's link and emphasis characters escaped, so a title cannot break the list.
    private static func markdown(_ text: String) -> String {
        var out = ""
        for character in text {
            if "\\`*_[]<>#".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }
}
