import Foundation
import JoinupModel

/// The EC OSPO collection shipped inside the binary: what a fresh install shows before any sync.
///
/// The four files under `Snapshot/` are in the remote-feed formats and go through the same parsers
/// as a real sync, so the snapshot also exercises them.
public enum EmbeddedSnapshot {
    /// The collection's alias (`/collection/<alias>`).
    public static let alias = "ec-open-source-programme-office"
    /// The collection's URI, as in `collection.rdf` and `members.json`.
    public static let collectionURI = "http://data.europa.eu/w21/0ea48cb0-4f45-4a6e-9d0b-7b3f2a1c5e21"
    /// The collection page on Joinup.
    public static let pageURL = RemoteLayout.joinup.collectionPage(alias)
    /// The topic vocabulary's URI (the SKOS concept scheme).
    public static let topicSchemeURI = "http://joinup.eu/ontology/topic"

    /// Parses the embedded files into a snapshot; throws `FeedParseError` naming the file that failed.
    public static func load() throws(FeedParseError) -> CollectionSnapshot {
        var collection = try CollectionRDFParser.parse(Data(PackageResources.collection_rdf),
                                                       resource: "embedded ec-ospo/collection.rdf")
        // Where Joinup publishes them (the metadata itself names no page).
        collection.pageURL = pageURL
        collection.feedURL = RemoteLayout.joinup.feed(alias)
        collection.metadataURL = RemoteLayout.joinup.metadata(alias)
        let vocabulary = try SKOSTopicParser.parse(Data(PackageResources.topics_rdf), resource: "embedded topics.rdf")
        let feed = try RSSFeedParser.parse(Data(PackageResources.feed_xml), collectionURI: collection.uri,
                                           resource: "embedded ec-ospo/feed.xml")
        let members = try MembersJSONParser.parse(Data(PackageResources.members_json), collectionURI: collection.uri,
                                                  resource: "embedded ec-ospo/members.json")
        return SnapshotAssembler.assemble(collection: collection, vocabulary: vocabulary, feedPages: [feed],
                                          members: members)
    }
}
