import Foundation
import JoinupModel

/// A document served as stored: a data folder's files, byte for byte.
struct StoredDocument: Sendable {
    var data: Data
    var lastModified: Date
    var contentType: String
}

/// A generated collection's items, rendered into feed pages on request.
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
    /// Generated items, paged and rendered with `FeedWriter`.
    case listing(FeedListing)
    /// A data folder's feed.xml, served as stored (cut into pages between its items when long).
    case stored(StoredFeed)
}

/// Everything the server publishes about one collection.
struct ServedCollection: Sendable {
    /// The folder name (or generated alias): `/collection/<alias>/…`.
    var alias: String
    /// The directory entry; its `uri` (the metadata's `dcat:Catalog`) answers at `/rdf_entity/<encoded-uri>/…`.
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

extension RemoteSource {
    /// The collection whose metadata names `uri` (Joinup's `/rdf_entity/<encoded-uri>` paths).
    func collection(uri: String) async -> ServedCollection? {
        await collections().first { $0.listing.uri == uri }
    }
}

enum ContentType {
    static let rss = "application/rss+xml; charset=utf-8"
    static let rdf = "application/rdf+xml; charset=utf-8"
    static let json = "application/json; charset=utf-8"
    static let html = "text/html; charset=utf-8"
    static let text = "text/plain; charset=utf-8"
}
