import Foundation

/// A Joinup collection and its About metadata (DCAT-AP / ADMS-AP).
public struct Collection: Hashable, Sendable, Codable {
    /// Who may create content in the collection: Joinup's `http://joinup.eu/collection/content_creation`.
    public enum ContentCreation: String, Hashable, Sendable, Codable {
        case anyUser = "any_user"
        case onlyMembers = "only_members"
        case facilitatorsAndAuthors = "facilitators_and_authors"

        /// Joinup's own wording (`field.storage.rdf_entity.field_ar_content_creation.yml`).
        public var label: String {
            switch self {
            case .anyUser: "Any user can create content."
            case .onlyMembers: "Only members can create content."
            case .facilitatorsAndAuthors: "Only facilitators and authors can create content."
            }
        }

        /// Joinup's value, or one an earlier joinup stored in its cache.
        public init?(rawValue: String) {
            switch rawValue {
            case "any_user", "registered_users": self = .anyUser
            case "only_members", "members": self = .onlyMembers
            case "facilitators_and_authors", "facilitators": self = .facilitatorsAndAuthors
            default: return nil
            }
        }
    }

    /// Joinup's workflow states (`http://joinup.eu/ar/workflow_status`).
    public static func workflowLabel(_ state: String) -> String {
        switch state {
        case "draft": "Draft"
        case "proposed": "Proposed"
        case "validated": "Validated"
        case "archival_request": "Archival requested"
        case "archived": "Archived"
        default: state
        }
    }

    /// A contact point (`vcard:Kind`).
    public struct Contact: Hashable, Sendable, Codable {
        public var name: String
        public var email: String?
        public var url: String?

        public init(name: String, email: String? = nil, url: String? = nil) {
            self.name = name
            self.email = email
            self.url = url
        }
    }

    /// `http://data.europa.eu/w21/<uuid>`
    public var uri: String
    /// The short name in Joinup's paths (`/collection/<alias>`).
    public var alias: String
    public var title: String
    /// The short text shown on the Overview (`dct:abstract`).
    public var abstract: String
    /// The full About text (`dct:description`), plain text.
    public var description: String
    /// The owner (`dct:publisher` → `foaf:Agent` name).
    public var owner: String
    public var contacts: [Contact]
    public var topicURIs: [String]
    /// Geographical coverage labels (`dct:spatial`).
    public var spatial: [String]
    public var keywords: [String]
    public var isClosed: Bool
    public var contentCreation: ContentCreation
    public var isModerated: Bool
    /// Joinup's workflow state ("validated", "draft", …).
    public var workflowState: String
    /// Solutions in the collection (`dcat:dataset` references): the header's "N Solutions" when
    /// the feed does not list them; nil when the metadata does not say.
    public var solutionCount: Int?
    public var created: Date
    /// The collection's own last change (not its content's).
    public var modified: Date
    /// The collection page on the remote.
    public var pageURL: String
    public var feedURL: String
    public var metadataURL: String

    public init(uri: String, alias: String, title: String, abstract: String, description: String,
                owner: String, contacts: [Contact], topicURIs: [String], spatial: [String],
                keywords: [String], isClosed: Bool, contentCreation: ContentCreation,
                isModerated: Bool, workflowState: String, solutionCount: Int? = nil, created: Date, modified: Date,
                pageURL: String, feedURL: String, metadataURL: String) {
        self.solutionCount = solutionCount
        self.uri = uri
        self.alias = alias
        self.title = title
        self.abstract = abstract
        self.description = description
        self.owner = owner
        self.contacts = contacts
        self.topicURIs = topicURIs
        self.spatial = spatial
        self.keywords = keywords
        self.isClosed = isClosed
        self.contentCreation = contentCreation
        self.isModerated = isModerated
        self.workflowState = workflowState
        self.created = created
        self.modified = modified
        self.pageURL = pageURL
        self.feedURL = feedURL
        self.metadataURL = metadataURL
    }
}

/// What the collection header shows, derived by the cache from the collection and its content.
public struct CollectionHeader: Hashable, Sendable {
    public var uri: String
    public var alias: String
    public var title: String
    /// Newest of the collection's own change and its published content.
    public var lastUpdate: Date
    /// Active members only.
    public var memberCount: Int
    /// False when the remote does not publish members (the real Joinup does not).
    public var membersPublished: Bool
    public var kindCounts: [ItemKind: Int]
    /// The signed-in user's membership, if any.
    public var membership: MembershipState?
    /// Where the data came from and when.
    public var origin: DataOrigin
    /// Items the user has not read.
    public var unreadCount: Int

    public init(uri: String, alias: String, title: String, lastUpdate: Date, memberCount: Int,
                membersPublished: Bool = true, kindCounts: [ItemKind: Int], membership: MembershipState?,
                origin: DataOrigin, unreadCount: Int = 0) {
        self.membersPublished = membersPublished
        self.unreadCount = unreadCount
        self.uri = uri
        self.alias = alias
        self.title = title
        self.lastUpdate = lastUpdate
        self.memberCount = memberCount
        self.kindCounts = kindCounts
        self.membership = membership
        self.origin = origin
    }

    public func count(of kind: ItemKind) -> Int { kindCounts[kind] ?? 0 }

    /// "59 members", "1 member", or that the remote does not publish them.
    public var memberCountLabel: String {
        guard membersPublished || memberCount > 0 else { return "members not published" }
        return "\(memberCount) \(memberCount == 1 ? "member" : "members")"
    }
}

/// Where the cached copy of a collection came from.
public enum DataOrigin: Hashable, Sendable {
    /// The snapshot shipped inside the binary.
    case embeddedSnapshot
    /// A sync from a remote at a moment.
    case synced(remote: String, at: Date)

    /// The short form the status line shows, in the user's time zone (the clock of "Synced 14:02"
    /// after a sync; `zone` is for tests).
    public func summary(in zone: TimeZone = .current) -> String {
        switch self {
        case .embeddedSnapshot: "embedded snapshot"
        case .synced(_, let at): "synced \(JoinupDate.shortDateTime(at, in: zone))"
        }
    }
}
