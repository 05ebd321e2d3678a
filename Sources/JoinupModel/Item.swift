import Foundation

/// One piece of content in a collection (a news item, event, document, discussion or solution).
public struct Item: Hashable, Sendable, Codable {
    /// The feed's `guid`: stable identity, not necessarily a URL.
    public var id: String
    public var collectionURI: String
    public var kind: ItemKind
    public var title: String
    public var link: String
    /// Plain text, paragraphs separated by blank lines.
    public var body: String
    public var author: String
    public var published: Date
    /// For events: when the event starts, ends, and where it takes place.
    public var eventStart: Date?
    public var eventEnd: Date?
    public var eventLocation: String?
    /// The item's own topic URIs, in the order the feed lists them.
    public var topicURIs: [String]

    public init(id: String, collectionURI: String, kind: ItemKind, title: String, link: String,
                body: String, author: String, published: Date, eventStart: Date? = nil,
                eventEnd: Date? = nil, eventLocation: String? = nil, topicURIs: [String]) {
        self.id = id
        self.collectionURI = collectionURI
        self.kind = kind
        self.title = title
        self.link = link
        self.body = body
        self.author = author
        self.published = published
        self.eventStart = eventStart
        self.eventEnd = eventEnd
        self.eventLocation = eventLocation
        self.topicURIs = topicURIs
    }

    /// The date a tile shows and lists sort by: the event date for events, else publication.
    public var listDate: Date { eventStart ?? published }
}

/// One row of the content list: what a Joinup tile shows.
public struct ItemSummary: Hashable, Sendable {
    public var id: String
    public var kind: ItemKind
    public var title: String
    public var listDate: Date
    /// Labels of the item's first two own topics.
    public var leadingTopics: [String]
    /// How many more own topics the item has ("+N topics").
    public var moreTopicCount: Int
    /// Which of `leadingTopics` are categories (marked "▸" as in the filter pane): a category
    /// and a term often share a label ("Transport · Transport").
    public var leadingTopicIsCategory: [Bool]
    /// Whether the user has read it (opened it, or marked it). The cache always says; a row built
    /// without read state (a fixture) counts as read, so it shows no unread mark.
    public var isRead: Bool
    /// When the local cache first stored it (the start of time for items stored before joinup
    /// kept this): newer than the collection's previous opening means new.
    public var firstSeen: Date

    /// "+2 topics" / "+1 topic" as a tile says it; nil when there are no more.
    public var moreTopicsLabel: String? {
        ItemSummary.moreTopicsLabel(moreTopicCount)
    }

    public static func moreTopicsLabel(_ count: Int) -> String? {
        count > 0 ? "+\(count) \(count == 1 ? "topic" : "topics")" : nil
    }

    public init(id: String, kind: ItemKind, title: String, listDate: Date,
                leadingTopics: [String], moreTopicCount: Int, leadingTopicIsCategory: [Bool] = [],
                isRead: Bool = true, firstSeen: Date = Date(timeIntervalSince1970: 0)) {
        self.id = id
        self.isRead = isRead
        self.firstSeen = firstSeen
        self.kind = kind
        self.title = title
        self.listDate = listDate
        self.leadingTopics = leadingTopics
        self.moreTopicCount = moreTopicCount
        self.leadingTopicIsCategory = leadingTopicIsCategory
    }

    /// New to the user: it arrived after the collection was last opened (never, with no opening).
    public func isNew(since lastOpened: Date?) -> Bool {
        guard let lastOpened else { return false }
        return firstSeen > lastOpened
    }
}

/// An opened item with its topics resolved to labels.
public struct ItemDetail: Hashable, Sendable {
    public var item: Item
    public var topics: [Topic]

    public init(item: Item, topics: [Topic]) {
        self.item = item
        self.topics = topics
    }
}
