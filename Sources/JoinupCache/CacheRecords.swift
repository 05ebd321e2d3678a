import Foundation
import GRDB
import JoinupModel

/// A row type the cache reads: columns named by its `CodingKeys`, dates stored as epoch seconds
/// (REAL), enums by raw value, nested values as JSON. An enum column holding a value this joinup
/// does not know fails to decode with an error naming the column; it is never read as a default.
protocol CacheRow: Decodable, FetchableRecord, TableRecord {}

extension CacheRow {
    static func databaseDateDecodingStrategy(for column: String) -> DatabaseDateDecodingStrategy { .timeIntervalSince1970 }
    // Foundation's coders (dates as seconds since 2001) are what the JSON columns were written
    // with before there were records; GRDB's own default would read those dates as milliseconds.
    static func databaseJSONDecoder(for column: String) -> JSONDecoder { JSONDecoder() }
}

/// A row type the cache reads and writes, stored the same way.
protocol CacheRecord: CacheRow, Codable, MutablePersistableRecord {}

extension CacheRecord {
    static func databaseDateEncodingStrategy(for column: String) -> DatabaseDateEncodingStrategy { .timeIntervalSince1970 }
    static func databaseJSONEncoder(for column: String) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return encoder
    }
}

/// A `collection` row as a sync writes it; `membership`, `members_published` and
/// `content_version` have writes of their own and are left alone by `upsert`.
struct CollectionRecord: CacheRecord, PersistableRecord {
    static let databaseTableName = "collection"
    var uri: String
    var alias: String
    var title: String
    /// The collection's own last change.
    var modified: Date
    var about: Collection
    /// `CacheOrigin.column`.
    var origin: String
    var syncedAt: Date

    enum CodingKeys: String, CodingKey {
        case uri, alias, title, modified, about = "about_json", origin, syncedAt = "synced_at"
    }

    /// Inserts the row, or updates the one with the same URI.
    func upsert(_ db: Database) throws {
        _ = try upsertAndFetch(db, onConflict: ["uri"])
    }
}

/// The columns of a `collection` row that name it.
struct CollectionNameRecord: CacheRow {
    static let databaseTableName = "collection"
    static var databaseSelection: [any SQLSelectable] { [Column("uri"), Column("alias"), Column("title")] }
    var uri: String
    var alias: String
    var title: String

    var cachedCollection: CachedCollection { CachedCollection(uri: uri, alias: alias, title: title) }
}

/// A `topic` row.
struct TopicRecord: CacheRecord, PersistableRecord {
    static let databaseTableName = "topic"
    var uri: String
    var label: String
    var parentURI: String?
    var level: Topic.Level

    enum CodingKeys: String, CodingKey {
        case uri, label, parentURI = "parent_uri", level
    }

    init(_ topic: Topic) {
        uri = topic.uri
        label = topic.label
        parentURI = topic.parentURI
        level = topic.level
    }

    var topic: Topic { Topic(uri: uri, label: label, parentURI: parentURI, level: level) }
}

/// An `item` row, read whole for the item view and export.
///
/// Not used to write: `CollectionWrites.apply` inserts items with a cached statement, since a
/// first sync writes 100,000 of them and Codable encoding costs ~10x a bound statement there.
struct ItemRecord: CacheRow {
    static let databaseTableName = "item"
    var id: Int64
    var collectionURI: String
    var guid: String
    var kind: ItemKind
    var title: String
    var link: String
    var body: String
    var author: String
    var published: Date
    var eventStart: Date?
    var eventEnd: Date?
    var eventLocation: String?

    enum CodingKeys: String, CodingKey {
        case id, collectionURI = "collection_uri", guid, kind, title, link, body, author, published
        case eventStart = "event_start", eventEnd = "event_end", eventLocation = "event_location"
    }

    func item(topicURIs: [String]) -> Item {
        Item(id: guid, collectionURI: collectionURI, kind: kind, title: title, link: link, body: body, author: author,
             published: published, eventStart: eventStart, eventEnd: eventEnd, eventLocation: eventLocation,
             topicURIs: topicURIs)
    }
}

/// The columns of an `item` row that a line of the content list shows.
///
/// Decoded by hand rather than through Codable: every filter change and keystroke reads a window
/// of these, and the list reads are a measured hot path (joinup-bench, docs/BENCHMARKS.md).
struct ItemSummaryRecord: FetchableRecord, TableRecord {
    static let databaseTableName = "item"
    static var databaseSelection: [any SQLSelectable] { [
        Column("id"), Column("guid"), Column("kind"), Column("title"), Column("list_date"), Column("topic_count"),
    ] }
    var id: Int64
    var guid: String
    var kind: ItemKind
    var title: String
    var listDate: Date
    /// The item's own topics, for "+N topics".
    var topicCount: Int

    init(row: Row) throws {
        let kind: String = row["kind"]
        guard let known = ItemKind(rawValue: kind) else { throw CacheError.unreadableValue(column: "item.kind", value: kind) }
        id = row["id"]
        guid = row["guid"]
        self.kind = known
        title = row["title"]
        listDate = Date(timeIntervalSince1970: row["list_date"])
        topicCount = row["topic_count"]
    }
}

/// A `member` row; `roles` holds the role raw values joined by commas.
struct MemberRecord: CacheRecord, PersistableRecord {
    static let databaseTableName = "member"
    var collectionURI: String
    var id: String
    var name: String
    var businessTitle: String
    var organisation: String
    var roles: String
    var state: MembershipState
    var memberSince: Date

    enum CodingKeys: String, CodingKey {
        case collectionURI = "collection_uri", id, name, businessTitle = "business_title", organisation, roles, state
        case memberSince = "member_since"
    }

    init(_ member: Member, collectionURI: String) {
        self.collectionURI = collectionURI
        id = member.id
        name = member.name
        businessTitle = member.businessTitle
        organisation = member.organisation
        roles = member.roles.map(\.rawValue).joined(separator: ",")
        state = member.state
        memberSince = member.memberSince
    }

    func member() throws -> Member {
        let roles = try roles.split(separator: ",").map { raw in
            guard let role = Role(rawValue: String(raw)) else {
                throw CacheError.unreadableValue(column: "member.roles", value: String(raw))
            }
            return role
        }
        return Member(id: id, name: name, businessTitle: businessTitle, organisation: organisation, roles: roles,
                      state: state, memberSince: memberSince)
    }
}

/// An `outbox` row: a membership request waiting to be delivered.
struct OutboxRecord: CacheRecord {
    static let databaseTableName = "outbox"
    var id: Int64?
    var collectionAlias: String
    var collectionURI: String
    var collectionTitle: String
    var kind: MembershipActionKind
    var idempotencyKey: String
    var created: Date
    var attempts: Int
    var nextAttempt: Date
    var lastError: String?

    enum CodingKeys: String, CodingKey {
        case id, collectionAlias = "collection_alias", collectionURI = "collection_uri"
        case collectionTitle = "collection_title", kind, idempotencyKey = "idempotency_key", created, attempts
        case nextAttempt = "next_attempt", lastError = "last_error"
    }

    init(_ request: MembershipRequest, idempotencyKey: String, now: Date) {
        collectionAlias = request.collectionAlias
        collectionURI = request.collectionURI
        collectionTitle = request.collectionTitle
        kind = request.kind
        self.idempotencyKey = idempotencyKey
        created = now
        attempts = 0
        nextAttempt = now
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    var pendingAction: PendingAction {
        PendingAction(id: id ?? 0, collectionAlias: collectionAlias, collectionURI: collectionURI,
                      collectionTitle: collectionTitle, kind: kind, idempotencyKey: idempotencyKey, created: created,
                      attempts: attempts, nextAttempt: nextAttempt, lastError: lastError)
    }
}

/// A `my_membership` row: the signed-in user's membership of a collection.
struct MyMembershipRecord: CacheRecord, PersistableRecord {
    static let databaseTableName = "my_membership"
    var collectionURI: String
    var collectionAlias: String
    var state: MyMembership
    var updated: Date

    enum CodingKeys: String, CodingKey {
        case collectionURI = "collection_uri", collectionAlias = "collection_alias", state, updated
    }
}

/// A `saved_view` row: the filter (JSON) and sort last used on a collection.
struct SavedViewRecord: CacheRecord, PersistableRecord {
    static let databaseTableName = "saved_view"
    var collectionURI: String
    var filter: ItemFilter
    var sort: ItemSort
    var savedAt: Date

    enum CodingKeys: String, CodingKey {
        case collectionURI = "collection_uri", filter = "filter_json", sort, savedAt = "saved_at"
    }
}

/// An `http_validator` row.
struct HTTPValidatorRecord: CacheRecord, PersistableRecord {
    static let databaseTableName = "http_validator"
    var url: String
    var etag: String?
    var lastModified: String?
    var storedAt: Date

    enum CodingKeys: String, CodingKey {
        case url, etag, lastModified = "last_modified", storedAt = "stored_at"
    }

    var validator: ResourceValidator { ResourceValidator(url: url, etag: etag, lastModified: lastModified) }
}

/// A `sync_status` row.
struct SyncStatusRecord: CacheRecord, PersistableRecord {
    static let databaseTableName = "sync_status"
    var alias: String
    var remote: String
    var lastAttempt: Date
    var lastSuccess: Date?
    var lastError: String?

    enum CodingKeys: String, CodingKey {
        case alias, remote, lastAttempt = "last_attempt", lastSuccess = "last_success", lastError = "last_error"
    }

    var status: SyncStatus {
        SyncStatus(alias: alias, remote: remote, lastAttempt: lastAttempt, lastSuccess: lastSuccess, lastError: lastError)
    }
}
