import ArgumentParser
import Foundation
import JoinupCache
import JoinupModel

/// `joinup items`: the content list, filtered and sorted, as a table, JSON lines or CSV.
struct Items: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List a collection's content (date, type, title, topics).",
        discussion: """
            The default output is tab-separated: date, type, title, topics. --json prints one JSON \
            object per item (id, kind, title, date, link, author, topics); --csv prints RFC 4180 CSV \
            with a header row.
            """)

    @OptionGroup var options: PathOptions
    @OptionGroup var selection: CollectionOption
    @OptionGroup var filtering: ItemFilterOptions

    @Option(help: ArgumentHelp("Order: newest, oldest or title.", valueName: "order"))
    var sort: String = ItemSort.newest.rawValue

    @Option(help: "Show at most this many items.")
    var limit: Int?

    @Flag(help: "One JSON object per line.")
    var json = false

    @Flag(help: "CSV (RFC 4180) with a header row.")
    var csv = false

    @Flag(name: .customLong("mark-read"), help: "Then mark every item the filter selects read (one statement).")
    var markRead = false

    func run() throws {
        try reportingFailures("items") {
            if json && csv { throw CommandFailure(message: "choose one of --json and --csv") }
            guard let order = ItemSort(rawValue: sort) else {
                throw CommandFailure(message: "unknown sort \"\(sort)\"; use newest, oldest or title")
            }
            if let limit, limit < 0 { throw CommandFailure(message: "--limit must be 0 or more") }
            if markRead && limit != nil { throw CommandFailure(message: "--mark-read marks everything the filter selects: drop --limit") }
            let opened = try OpenedCache.open(options, collection: selection.collection)
            let filter = try filtering.filter(cache: opened.cache)
            let items = try opened.cache.items(collectionURI: opened.collection.uri, filter: filter, sort: order,
                                               limit: limit ?? Int.max)
            var out = OutputBuffer()
            if csv {
                try out.line(CSV.record(["date", "type", "title", "topics", "link", "author", "id", "topic_uris"]), terminator: CSV.lineEnd)
            }
            for detail in items {
                let item = detail.item
                if json {
                    try out.line(try JSONLines.line(ItemRecord(detail)))
                } else if csv {
                    try out.line(CSV.record([ISODate.string(item.listDate), item.kind.rawValue, item.title,
                                             detail.topics.map(\.label).joined(separator: "; "), item.link, item.author,
                                             item.id, detail.topics.map(\.uri).joined(separator: " ")]),
                                 terminator: CSV.lineEnd)
                } else {
                    try out.line([JoinupDate.day(item.listDate), item.kind.label, cell(item.title),
                                  cell(detail.topics.map(\.label).joined(separator: ", "))].joined(separator: "\t"))
                }
            }
            try out.flush()
            if markRead { try opened.cache.markAllRead(collectionURI: opened.collection.uri, filter: filter) }
        }
    }
}

/// One item as `--json` prints it.
struct ItemRecord: Encodable {
    var id: String
    var kind: String
    var title: String
    var date: String
    var link: String
    var author: String
    /// The text as synced: the whole body, or Joinup's 200-character description (ending with "…" when cut).
    var body: String
    var topics: [TopicRecord]

    init(_ detail: ItemDetail) {
        let item = detail.item
        id = item.id
        kind = item.kind.rawValue
        title = item.title
        date = ISODate.string(item.listDate)
        link = item.link
        author = item.author
        body = item.body
        topics = detail.topics.map { TopicRecord($0) }
    }
}
