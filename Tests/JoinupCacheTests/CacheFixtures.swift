import Foundation
import JoinupModel
@testable import JoinupCache

/// A temporary folder per test, removed when the value goes away.
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("joinup-cache-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
}

enum Fixture {
    static let collectionURI = "http://data.europa.eu/w21/test-collection"
    static let ictCategory = Topic(uri: "http://joinup.eu/ontology/topic/category#ict", label: "ICT")
    static let govCategory = Topic(uri: "http://joinup.eu/ontology/topic/category#digital-government", label: "Digital government")
    static let ict = Topic(uri: "http://joinup.eu/ontology/topic#ict", label: "ICT", parentURI: ictCategory.uri)
    static let oss = Topic(uri: "http://joinup.eu/ontology/topic#open-source-software", label: "Open Source Software", parentURI: ictCategory.uri)
    static let security = Topic(uri: "http://joinup.eu/ontology/topic#ict-security", label: "ICT security", parentURI: ictCategory.uri)
    static let legal = Topic(uri: "http://joinup.eu/ontology/topic#legal", label: "Legal", parentURI: govCategory.uri)
    static let egov = Topic(uri: "http://joinup.eu/ontology/topic#egovernment", label: "eGovernment", parentURI: govCategory.uri)
    static let topics = [ictCategory, govCategory, ict, oss, security, legal, egov]

    static func date(_ days: Double) -> Date { Date(timeIntervalSince1970: 1_650_000_000 + days * 86_400) }

    static func item(_ n: Int, kind: ItemKind = .news, topics: [Topic], day: Double, title: String? = nil) -> Item {
        Item(id: "\(n) at https://joinup.example", collectionURI: collectionURI, kind: kind,
             title: title ?? "Item \(n)", link: "https://joinup.example/news/\(n)", body: "Body of item \(n).",
             author: "Author \(n)", published: date(day), topicURIs: topics.map(\.uri))
    }

    static func member(_ n: Int, roles: [Role] = [.member], state: MembershipState = .active) -> Member {
        Member(id: "m\(n)", name: "Person \(n)", businessTitle: "Officer", organisation: "Org",
               roles: roles, state: state, memberSince: date(Double(n)))
    }

    static func collection(modified: Date = date(0)) -> Collection {
        Collection(uri: collectionURI, alias: "test", title: "Test collection", abstract: "Short.",
                   description: "Long.", owner: "Owner", contacts: [.init(name: "Desk", email: "desk@example.eu")],
                   topicURIs: [ictCategory.uri], spatial: ["European Union"], keywords: ["k"],
                   isClosed: false, contentCreation: .members, isModerated: true, workflowState: "validated",
                   created: date(-100), modified: modified, pageURL: "https://joinup.example/collection/test",
                   feedURL: "https://joinup.example/collection/test/feed.xml",
                   metadataURL: "https://joinup.example/collection/test?_format=rdfxml")
    }

    static func snapshot(items: [Item], members: [Member]? = nil, complete: Bool = true, modified: Date = date(0)) -> CollectionSnapshot {
        CollectionSnapshot(collection: collection(modified: modified), topics: topics, items: items,
                           members: members, isCompleteListing: complete)
    }

    static let sampleItems: [Item] = [
        item(1, topics: [oss, security, egov], day: 5),
        item(2, kind: .event, topics: [legal, ict], day: 9),
        item(3, topics: [oss], day: 1),
        item(4, topics: [govCategory, legal, oss], day: 3),
        item(5, kind: .document, topics: [], day: 2),
    ]
}
