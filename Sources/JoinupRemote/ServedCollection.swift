import Foundation
import JoinupModel

/// A document served as stored (metadata, members, vocabulary, an unreadable feed).
struct StoredDocument: Sendable {
    var data: Data
    var lastModified: Date
    var contentType: String
}

/// A collection's items, re-rendered into feed pages on request.
struct FeedListing: Sendable {
    var title: String
    var link: String
    var description: String
    var items: [Item]
    var topicLabels: [String: String]
    var isComplete: Bool
    /// Changes whenever the listing changes; carried in next links so a page of an older listing is refused.
    var version: String
    var lastModified: Date
}

/// How a collection's feed is served.
enum ServedFeed: Sendable {
    /// Parsed items, paged and re-rendered with `FeedWriter`.
    case listing(FeedListing)
    /// A feed.xml the server could not read, served byte for byte (so tests can serve garbage).
    case verbatim(StoredDocument)
}

/// Everything the server publishes about one collection.
struct ServedCollection: Sendable {
    var alias: String
    var listing: DirectoryListing
    var metadata: StoredDocument?
    var members: StoredDocument?
    var feed: ServedFeed?
}

/// Where the served collections come from: a data folder (re-read when files change) or memory.
protocol RemoteSource: Sendable {
    /// Every collection, by alias.
    func collections() async -> [ServedCollection]
    func collection(_ alias: String) async -> ServedCollection?
    /// The SKOS vocabulary (`/ontology/topic`).
    func vocabulary() async -> StoredDocument?
}

enum ContentType {
    static let rss = "application/rss+xml; charset=utf-8"
    static let rdf = "application/rdf+xml; charset=utf-8"
    static let json = "application/json; charset=utf-8"
    static let html = "text/html; charset=utf-8"
    static let text = "text/plain; charset=utf-8"
}
