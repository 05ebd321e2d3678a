import ArgumentParser
import Foundation
import JoinupCache
import JoinupModel

/// `joinup collections`: the cached collections, or the collection directory, filtered by topic and text.
struct Collections: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "collections",
        abstract: "List collections: alias, title, item and member counts, your membership, markers, topics, URI.",
        discussion: """
            The directory is what the last `joinup sync` without --collection discovered (the remote's \
            SPARQL endpoint or /collections.xml); before any, or with --cached, the collections in the \
            cache are listed. Counts are known for cached collections only. \
            --topic is repeatable (any of them matches; a category takes in its terms) and takes a \
            topic URI or label; a label that names a category and a term alike must be given by URI. \
            Membership: member, owner, pending, blocked (empty: none known). Markers: closed (joining \
            needs approval), archived, unpublished (no longer listed), synced. Tab-separated with a \
            header row, CSV with --csv, JSON lines with --json: the same fields in all three \
            (\(CollectionFields.names.joined(separator: ", "))); JSON adds abstract, closed, state, \
            published and synced.
            """)

    @OptionGroup var options: PathOptions

    @Option(name: .customLong("topic"), help: ArgumentHelp("Only collections with this topic (URI or label); repeatable.", valueName: "uri-or-label"))
    var topics: [String] = []

    @Option(help: ArgumentHelp("Only collections whose title or abstract holds every word.", valueName: "text"))
    var search: String?

    @Flag(help: "Only the collections in the cache, even when a directory is stored.")
    var cached = false

    @OptionGroup var output: OutputOptions

    func run() throws {
        try reportingFailures {
            var listing = try Listing(fields: CollectionFields.names, options: output)
            let cache = try OpenedCache.open(options, collection: nil).cache
            let listings: [DirectoryListing]
            let vocabulary: [String: Topic]
            if try !cached && cache.hasDirectory() {
                let known = try cache.directoryTopics()
                vocabulary = Dictionary(known.map { ($0.uri, $0) }) { first, _ in first }
                let selected = try Set(topics.map { try ItemFilterOptions.resolveTopic($0, in: known).uri })
                listings = try cache.directory(matching: DirectoryQuery(topicURIs: selected, search: search ?? "")).collections
            } else {
                if !topics.isEmpty {
                    throw CommandFailure(message: "no collection directory yet, so no topics to filter by: run `joinup sync --remote URL` first", exitCode: JoinupExit.failure)
                }
                listings = try cache.collections().map { cached in
                    // The About metadata as synced says what the directory would: closed, state, topics.
                    let about = try cache.about(collectionURI: cached.uri)
                    return DirectoryListing(
                        collection: DirectoryCollection(uri: cached.uri, alias: cached.alias, title: cached.title, abstract: about.abstract,
                                                        isClosed: about.isClosed, state: about.workflowState, topicURIs: about.topicURIs),
                        isPublished: true, isSynced: true, membership: try cache.myMembership(collectionURI: cached.uri))
                }.filter { TextFolding.contains($0.collection.title, search ?? "") }
                let topics = try cache.topics(uris: Array(Set(listings.flatMap(\.collection.topicURIs))))
                vocabulary = Dictionary(topics.map { ($0.uri, $0) }) { first, _ in first }
            }
            try listing.start()
            for entry in listings {
                let c = entry.collection
                // Counts only where the cache holds the collection; the directory alone has none.
                let header = entry.isSynced ? try? cache.header(collectionURI: c.uri) : nil
                let topics = c.topicURIs.map { vocabulary[$0] ?? Topic(uri: $0, label: $0) }
                try listing.row([
                    .text(c.alias ?? ""), .text(c.title),
                    .count(header.map { h in ItemKind.allCases.reduce(0) { $0 + h.count(of: $1) } }),
                    .count(header?.memberCount), .text(Self.membership(entry, header: header) ?? ""),
                    .list(Self.markers(entry)), .list(topics.map(\.label)), .list(topics.map(\.uri)), .text(c.uri),
                ], jsonExtra: [
                    "abstract": .text(c.abstract), "closed": .flag(c.isClosed), "state": .text(c.state),
                    "published": .flag(entry.isPublished), "synced": .flag(entry.isSynced),
                ])
            }
            try listing.finish()
        }
    }

    /// The signed-in user's membership as a word: what was last learnt, else what the last sync saw.
    static func membership(_ listing: DirectoryListing, header: CollectionHeader?) -> String? {
        switch listing.membership {
        case .active?: return "member"
        case .owner?: return "owner"
        case .pending?: return "pending"
        case .blocked?: return "blocked"
        case .none?, nil:
            switch header?.membership {
            case .active?: return "member"
            case .pending?: return "pending"
            case .blocked?: return "blocked"
            case nil: return nil
            }
        }
    }

    /// What else a script may filter on: closed or open, archived, unpublished, synced.
    static func markers(_ listing: DirectoryListing) -> [String] {
        var markers = [listing.collection.isClosed ? "closed" : "open"]
        if listing.collection.isArchived { markers.append("archived") }
        if !listing.isPublished { markers.append("unpublished") }
        if listing.isSynced { markers.append("synced") }
        return markers
    }
}

/// The fields of a collection in every output format.
enum CollectionFields {
    static let names = ["alias", "title", "items", "members", "membership", "markers", "topics", "topic_uris", "uri"]
}
