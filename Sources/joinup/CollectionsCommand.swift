import ArgumentParser
import Foundation
import JoinupCache
import JoinupModel

/// `joinup collections`: the collection directory, filtered by topic and text.
struct Collections: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the collections of the directory (synced or not): title, markers, topics, alias, URI.",
        discussion: """
            The directory is what the last `joinup sync` without --collection discovered (the remote's \
            SPARQL endpoint or /collections.xml); before any, the cached collections are listed. \
            --topic is repeatable (any of them matches; a category takes in its terms) and takes a \
            topic URI or label; a label that names a category and a term alike must be given by URI. \
            Markers: closed (joining needs approval), archived, unpublished (no longer listed), \
            synced, and the membership (member, pending, owner, blocked).
            """)

    @OptionGroup var options: PathOptions

    @Option(name: .customLong("topic"), help: ArgumentHelp("Only collections with this topic (URI or label); repeatable.", valueName: "uri-or-label"))
    var topics: [String] = []

    @Option(help: ArgumentHelp("Only collections whose title or abstract holds every word.", valueName: "text"))
    var search: String?

    @Flag(help: "One JSON object per line.")
    var json = false

    @Flag(help: "CSV (RFC 4180) with a header row.")
    var csv = false

    func run() throws {
        try reportingFailures("collections") {
            if json && csv { throw CommandFailure(message: "choose one of --json and --csv") }
            let cache = try OpenedCache.open(options, collection: nil).cache
            let listings: [DirectoryListing]
            let vocabulary: [String: Topic]
            if try cache.hasDirectory() {
                let known = try cache.directoryTopics()
                vocabulary = Dictionary(known.map { ($0.uri, $0) }) { first, _ in first }
                let selected = try Set(topics.map { try ItemFilterOptions.resolveTopic($0, in: known).uri })
                listings = try cache.directory(matching: DirectoryQuery(topicURIs: selected, search: search ?? "")).collections
            } else {
                if !topics.isEmpty {
                    throw CommandFailure(message: "no collection directory yet, so no topics to filter by: run `joinup sync --remote URL` first", exitCode: 1)
                }
                vocabulary = [:]
                listings = try cache.collections().map { cached in
                    DirectoryListing(collection: DirectoryCollection(uri: cached.uri, alias: cached.alias, title: cached.title),
                                     isPublished: true, isSynced: true, membership: nil)
                }.filter { TextFolding.contains($0.collection.title, search ?? "") }
            }
            var out = OutputBuffer()
            if csv {
                try out.line(CSV.record(["title", "markers", "topics", "alias", "uri", "topic_uris"]), terminator: CSV.lineEnd)
            }
            for listing in listings {
                let c = listing.collection
                let labels = c.topicURIs.map { vocabulary[$0]?.label ?? $0 }
                let markers = Self.markers(listing)
                if json {
                    try out.line(try JSONLines.line(CollectionRecord(
                        uri: c.uri, alias: c.alias, title: c.title, abstract: c.abstract, closed: c.isClosed, state: c.state,
                        published: listing.isPublished, synced: listing.isSynced, membership: listing.membership?.rawValue,
                        topics: c.topicURIs.map { TopicRecord(vocabulary[$0] ?? Topic(uri: $0, label: $0)) })))
                } else if csv {
                    try out.line(CSV.record([c.title, markers.joined(separator: " "), labels.joined(separator: "; "), c.alias ?? "",
                                             c.uri, c.topicURIs.joined(separator: " ")]), terminator: CSV.lineEnd)
                } else {
                    try out.line([cell(c.title), markers.joined(separator: ","), cell(labels.joined(separator: ", ")),
                                  cell(c.alias ?? ""), cell(c.uri)].joined(separator: "\t"))
                }
            }
            try out.flush()
        }
    }

    /// A topic argument as a URI: a known URI as it is, else the one topic with that label.
    static func markers(_ listing: DirectoryListing) -> [String] {
        var markers = [listing.collection.isClosed ? "closed" : "open"]
        if listing.collection.isArchived { markers.append("archived") }
        if !listing.isPublished { markers.append("unpublished") }
        if listing.isSynced { markers.append("synced") }
        switch listing.membership {
        case .active?: markers.append("member")
        case .owner?: markers.append("owner")
        case .pending?: markers.append("pending")
        case .blocked?: markers.append("blocked")
        case .none?, nil: break
        }
        return markers
    }
}

struct CollectionRecord: Encodable {
    var uri: String
    var alias: String?
    var title: String
    var abstract: String
    var closed: Bool
    var state: String
    var published: Bool
    var synced: Bool
    var membership: String?
    var topics: [TopicRecord]
}
