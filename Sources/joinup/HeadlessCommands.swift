import ArgumentParser
import Foundation
import JoinupCache
import JoinupModel

/// `joinup items`: the content list as text, newest first.
struct Items: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List a collection's content (date, type, title, topics).")

    @OptionGroup var options: PathOptions
    @OptionGroup var selection: CollectionOption

    @Option(help: "Show at most this many items.")
    var limit: Int = 1_000_000

    func run() throws {
        let opened = try OpenedCache.open(options, collection: selection.collection)
        let rows = try opened.cache.itemSummaries(collectionURI: opened.collection.uri, filter: .none, offset: 0, limit: limit)
        for row in rows {
            var topics = row.leadingTopics.joined(separator: ", ")
            if let more = row.moreTopicsLabel { topics += " " + more }
            print([JoinupDate.day(row.listDate), row.kind.label, row.title, topics].joined(separator: "\t"))
        }
    }
}

/// `joinup members`: the active members as text.
struct Members: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List a collection's members (name, title, organisation, roles).")

    @OptionGroup var options: PathOptions
    @OptionGroup var selection: CollectionOption

    func run() throws {
        let opened = try OpenedCache.open(options, collection: selection.collection)
        let members = try opened.cache.members(collectionURI: opened.collection.uri)
        for member in members {
            print([member.name, member.businessTitle, member.organisation,
                   member.roles.map(\.label).joined(separator: ", ")].joined(separator: "\t"))
        }
    }
}

/// `joinup about`: the collection header and About metadata as text.
struct About: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show a collection's header and About metadata.")

    @OptionGroup var options: PathOptions
    @OptionGroup var selection: CollectionOption

    func run() throws {
        let opened = try OpenedCache.open(options, collection: selection.collection)
        let uri = opened.collection.uri
        let header = try opened.cache.header(collectionURI: uri)
        let about = try opened.cache.about(collectionURI: uri)
        let topics = try opened.cache.topics(uris: about.topicURIs)
        print(header.title)
        print("Last update: \(JoinupDate.lastUpdate(header.lastUpdate))")
        print(header.memberCountLabel)
        print(ItemKind.allCases.map { header.count(of: $0) > 0 || $0 == .solution ? $0.counted(header.count(of: $0)) : nil }
            .compactMap { $0 }.joined(separator: " · "))
        print("")
        print(about.description)
        print("")
        print("Owner: \(about.owner)")
        for contact in about.contacts {
            print("Contact: \([contact.name, contact.email, contact.url].compactMap { $0 }.joined(separator: " · "))")
        }
        print("Topics: \(topics.map(\.label).joined(separator: ", "))")
        print("Geographical coverage: \(about.spatial.joined(separator: ", "))")
        print(about.isClosed ? "Closed collection" : "Open collection")
        print("Content creation: \(about.contentCreation.label)")
        print(about.isModerated ? "Moderated" : "Not moderated")
        print("Created: \(JoinupDate.lastUpdate(about.created))")
        print("RSS feed: \(about.feedURL)")
        print("Metadata: \(about.metadataURL)")
    }
}
