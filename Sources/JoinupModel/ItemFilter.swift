import Foundation

/// What narrows a collection's content list. Topics combine with OR, kinds with OR, and every
/// other field with AND.
public struct ItemFilter: Hashable, Sendable, Codable {
    /// Items carrying any of these topics (a category matches items of any of its children).
    public var topicURIs: Set<String>
    /// Items carrying none of these topics (`-topic:` in the query language).
    public var excludedTopicURIs: Set<String>
    public var kinds: Set<ItemKind>
    /// Free text, searched in title, body and author (prefix matching, case- and
    /// diacritic-insensitive).
    public var text: String
    /// Author contains this (case- and diacritic-insensitive).
    public var author: String?
    /// Listed on or after this instant (`after:`).
    public var since: Date?
    /// Listed before this instant (`before:`).
    public var until: Date?
    /// Events only: still to come, or already past, relative to the moment of the query.
    public var eventTiming: EventTiming?
    /// Only unread, or only read, items (`is:unread` / `is:read`, the facet pane's "Unread").
    public var readState: ReadState?

    public init(topicURIs: Set<String> = [], excludedTopicURIs: Set<String> = [], kinds: Set<ItemKind> = [],
                text: String = "", author: String? = nil, since: Date? = nil, until: Date? = nil,
                eventTiming: EventTiming? = nil, readState: ReadState? = nil) {
        self.topicURIs = topicURIs
        self.excludedTopicURIs = excludedTopicURIs
        self.kinds = kinds
        self.text = text
        self.author = author
        self.since = since
        self.until = until
        self.eventTiming = eventTiming
        self.readState = readState
    }

    public static let none = ItemFilter()

    public var isEmpty: Bool { self == .none }
}

/// Upcoming or past events, as Joinup's event listing splits them.
public enum EventTiming: String, Hashable, Sendable, Codable, CaseIterable {
    case upcoming
    case past
}

/// Whether the user has read an item (opened it, or marked it with `m` or `A`).
public enum ReadState: String, Hashable, Sendable, Codable, CaseIterable {
    case unread
    case read
}

/// The order of the content list.
public enum ItemSort: String, Hashable, Sendable, Codable, CaseIterable {
    /// Newest list date first (Joinup's order).
    case newest
    case oldest
    /// By title, case- and accent-insensitive.
    case title

    /// The next order in the cycle newest → oldest → title → newest.
    public var next: ItemSort {
        let all = ItemSort.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }

    public var label: String {
        switch self {
        case .newest: "newest first"
        case .oldest: "oldest first"
        case .title: "by title"
        }
    }
}
