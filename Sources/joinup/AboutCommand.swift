import ArgumentParser
import Foundation
import JoinupCache
import JoinupModel

/// `joinup about`: the collection header and About metadata.
struct About: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "about", abstract: "Show a collection's header and About metadata.")

    @OptionGroup var options: PathOptions
    @OptionGroup var selection: CollectionOption

    @Flag(help: "One JSON object.")
    var json = false

    func run() throws {
        try reportingFailures {
            let opened = try OpenedCache.open(options, collection: selection.collection)
            let uri = opened.collection.uri
            let header = try opened.cache.header(collectionURI: uri)
            let about = try opened.cache.about(collectionURI: uri)
            let topics = try opened.cache.topics(uris: about.topicURIs)
            var out = OutputBuffer()
            if json {
                try out.line(try JSONLines.line(AboutRecord(header: header, about: about, topics: topics)))
                try out.flush()
                return
            }
            try out.line(cell(header.title))
            try out.line("Last update: \(JoinupDate.lastUpdate(header.lastUpdate))")
            try out.line(header.memberCountLabel)
            try out.line(ItemKind.allCases.map { header.count(of: $0) > 0 || $0 == .solution ? $0.counted(header.count(of: $0)) : nil }
                .compactMap { $0 }.joined(separator: " · "))
            try out.line("")
            try out.line(TerminalText.block(about.description))
            try out.line("")
            try out.line("Owner: \(cell(about.owner))")
            for contact in about.contacts {
                try out.line("Contact: \([contact.name, contact.email, contact.url].compactMap { $0 }.map(cell).joined(separator: " · "))")
            }
            try out.line("Topics: \(cell(topics.map(\.label).joined(separator: ", ")))")
            try out.line("Geographical coverage: \(cell(about.spatial.joined(separator: ", ")))")
            try out.line(about.isClosed ? "Closed collection" : "Open collection")
            try out.line("Content creation: \(about.contentCreation.label)")
            try out.line(about.isModerated ? "Moderated" : "Not moderated")
            try out.line("State: \(Collection.workflowLabel(about.workflowState))")
            if let solutions = about.solutionCount { try out.line("Solutions: \(solutions)") }
            try out.line("Created: \(JoinupDate.lastUpdate(about.created))")
            try out.line("RSS feed: \(cell(about.feedURL))")
            try out.line("Metadata: \(cell(about.metadataURL))")
            try out.flush()
        }
    }
}

/// `joinup about --json`.
struct AboutRecord: Encodable {
    var uri: String
    var alias: String
    var title: String
    var lastUpdate: String
    var memberCount: Int
    var itemCounts: [String: Int]
    var abstract: String
    var description: String
    var owner: String
    var contacts: [Collection.Contact]
    var topics: [TopicRecord]
    var spatial: [String]
    var keywords: [String]
    var closed: Bool
    var contentCreation: String
    var moderated: Bool
    /// Joinup's workflow state: draft, proposed, validated, archival_request, archived.
    var state: String
    /// `dcat:dataset` references in the metadata; nil when it does not say.
    var solutionCount: Int?
    var created: String
    var modified: String
    var pageURL: String
    var feedURL: String
    var metadataURL: String

    init(header: CollectionHeader, about: Collection, topics: [Topic]) {
        uri = header.uri
        alias = header.alias
        title = header.title
        lastUpdate = ISODate.string(header.lastUpdate)
        memberCount = header.memberCount
        itemCounts = Dictionary(uniqueKeysWithValues: ItemKind.allCases.map { ($0.rawValue, header.count(of: $0)) })
        abstract = about.abstract
        description = about.description
        owner = about.owner
        contacts = about.contacts
        self.topics = topics.map { TopicRecord($0) }
        spatial = about.spatial
        keywords = about.keywords
        closed = about.isClosed
        contentCreation = about.contentCreation.rawValue
        moderated = about.isModerated
        state = about.workflowState
        solutionCount = about.solutionCount
        created = ISODate.string(about.created)
        modified = ISODate.string(about.modified)
        pageURL = about.pageURL
        feedURL = about.feedURL
        metadataURL = about.metadataURL
    }
}
