import Foundation
import GRDB
import JoinupModel
import JoinupTestSupport
@testable import JoinupCache

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
        Collection.fixture(uri: collectionURI, alias: "test", title: "Test collection", abstract: "Short.",
                           description: "Long.", owner: "Owner", contacts: [.init(name: "Desk", email: "desk@example.eu")],
                           topicURIs: [ictCategory.uri], spatial: ["European Union"], keywords: ["k"], isModerated: true,
                           created: date(-100), modified: modified)
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

/// Writes a snapshot with the v1 schema's columns only (the apply of today writes columns later
/// migrations added), to test migrations from caches written by older joinups.
enum OldSchemaFixture {
    static func insert(_ snapshot: CollectionSnapshot, in db: Database) throws {
        let c = snapshot.collection
        let about = String(decoding: try JSONEncoder().encode(c), as: UTF8.self)
        try db.execute(sql: """
            INSERT INTO collection (uri, alias, title, modified, about_json, origin, synced_at) VALUES (?, ?, ?, ?, ?, 'embedded', 0)
            """, arguments: [c.uri, c.alias, c.title, c.modified.timeIntervalSince1970, about])
        for topic in snapshot.topics {
            try db.execute(sql: "INSERT INTO topic (uri, label, parent_uri, level) VALUES (?, ?, ?, ?)",
                           arguments: [topic.uri, topic.label, topic.parentURI, topic.level.rawValue])
        }
        let parents = Dictionary(snapshot.topics.map { ($0.uri, $0.parentURI) }, uniquingKeysWith: { a, _ in a })
        for item in snapshot.items {
            try db.execute(sql: """
                INSERT INTO item (collection_uri, guid, kind, title, link, body, author, published, event_start,
                                  event_end, event_location, list_date, topic_count, content_hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)
                """, arguments: [c.uri, item.id, item.kind.rawValue, item.title, item.link, item.body, item.author,
                                 item.published.timeIntervalSince1970, item.eventStart?.timeIntervalSince1970,
                                 item.eventEnd?.timeIntervalSince1970, item.eventLocation,
                                 item.listDate.timeIntervalSince1970, item.topicURIs.count])
            let id = db.lastInsertedRowID
            for (position, uri) in item.topicURIs.enumerated() {
                try db.execute(sql: "INSERT OR IGNORE INTO item_topic VALUES (?, ?, ?, ?)",
                               arguments: [id, uri, position, item.listDate.timeIntervalSince1970])
                if let parent = parents[uri] ?? nil {
                    try db.execute(sql: "INSERT OR IGNORE INTO item_topic VALUES (?, ?, NULL, ?)",
                                   arguments: [id, parent, item.listDate.timeIntervalSince1970])
                }
            }
        }
        for m in snapshot.members ?? [] {
            try db.execute(sql: "INSERT INTO member VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                           arguments: [c.uri, m.id, m.name, m.businessTitle, m.organisation,
                                       m.roles.map(\.rawValue).joined(separator: ","), m.state.rawValue,
                                       m.memberSince.timeIntervalSince1970])
        }
    }
}

extension CacheDatabase {
    /// What `filteredItems` must answer, computed the slow way: plain SQL over the tables, no filter index.
    func sqlReference(collectionURI uri: String, filter: ItemFilter, sort: ItemSort, limit: Int, now: Date) throws -> FilteredItems {
        try pool.read { db in
            FilteredItems(
                count: try Self.sqlItemCount(collectionURI: uri, filter: filter, now: now, in: db),
                facets: try Self.sqlFacetCounts(collectionURI: uri, filter: filter, now: now, in: db),
                kindCounts: try Self.sqlKindCounts(collectionURI: uri, filter: filter, now: now, in: db),
                rows: try Self.sqlItemSummaries(collectionURI: uri, filter: filter, sort: sort, offset: 0, limit: limit, now: now, in: db),
                eventTimingCounts: try sqlEventTimingCounts(collectionURI: uri, filter: filter, now: now, in: db),
                unreadCount: try Self.sqlUnreadCount(collectionURI: uri, filter: filter, now: now, in: db))
        }
    }

    /// Upcoming and past events counted as two more queries: the filter with only Event and each timing.
    private func sqlEventTimingCounts(collectionURI uri: String, filter: ItemFilter, now: Date,
                                      in db: Database) throws -> [EventTiming: Int] {
        guard filter.kinds.contains(.event) else { return [:] }
        var counts: [EventTiming: Int] = [:]
        for timing in EventTiming.allCases {
            var events = filter
            events.kinds = [.event]
            events.eventTiming = timing
            counts[timing] = try Self.sqlItemCount(collectionURI: uri, filter: events, now: now, in: db)
        }
        return counts
    }
}
