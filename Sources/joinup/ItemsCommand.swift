import ArgumentParser
import Foundation
import JoinupCache
import JoinupModel

/// `joinup items`: the content list, filtered and sorted, as a table, JSON lines or CSV.
struct Items: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "items",
        abstract: "List a collection's content (date, kind, title, topics, link, author, id, topic URIs).",
        discussion: """
            Tab-separated with a header row by default, CSV (RFC 4180) with --csv, one JSON object per \
            line with --json: the same fields in all three (\(ItemFields.names.joined(separator: ", "))), \
            dates in ISO 8601; JSON adds the body. --no-header drops the header row.
            """)

    @OptionGroup var options: PathOptions
    @OptionGroup var selection: CollectionOption
    @OptionGroup var filtering: ItemFilterOptions

    @Option(help: ArgumentHelp("Order: newest, oldest or title.", valueName: "order"))
    var sort: String = ItemSort.newest.rawValue

    // Unconditional: "--limit -1" reaches the range check below instead of reading as an option.
    @Option(parsing: .unconditional, help: "Show at most this many items.")
    var limit: Int?

    @OptionGroup var output: OutputOptions

    @Flag(name: .customLong("mark-read"), help: "Then mark every item the filter selects read (one statement).")
    var markRead = false

    func run() throws {
        try reportingFailures {
            guard let order = ItemSort(rawValue: sort) else {
                throw CommandFailure(message: "unknown sort \"\(sort)\"; use newest, oldest or title")
            }
            if let limit, limit < 0 { throw CommandFailure(message: "--limit must be 0 or more") }
            if markRead && limit != nil { throw CommandFailure(message: "--mark-read marks everything the filter selects: drop --limit") }
            var listing = try Listing(fields: ItemFields.names, options: output)
            let opened = try OpenedCache.open(options, collection: selection.collection)
            let filter = try filtering.filter(cache: opened.cache)
            let items = try opened.cache.items(collectionURI: opened.collection.uri, filter: filter, sort: order,
                                               limit: limit ?? Int.max)
            try listing.start()
            for detail in items {
                try listing.row(ItemFields.values(detail), jsonExtra: ["body": .text(detail.item.body)])
            }
            try listing.finish()
            if markRead { try opened.cache.markAllRead(collectionURI: opened.collection.uri, filter: filter) }
        }
    }
}

/// The fields of an item in every output format (the read-state commands list items with them too).
enum ItemFields {
    static let names = ["date", "kind", "title", "topics", "link", "author", "id", "topic_uris"]

    /// `detail`'s values in the order of `names`; the date is ISO 8601.
    static func values(_ detail: ItemDetail) -> [FieldValue] {
        let item = detail.item
        return [.text(ISODate.string(item.listDate)), .text(item.kind.rawValue), .text(item.title),
                .list(detail.topics.map(\.label)), .text(item.link), .text(item.author), .text(item.id),
                .list(detail.topics.map(\.uri))]
    }
}
