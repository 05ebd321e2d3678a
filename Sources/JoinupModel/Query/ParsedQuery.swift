import Foundation

/// What a search line asks for, as `QueryParser` reads it; turn it into an `ItemFilter` with
/// `filter(base:vocabulary:)`.
public struct ParsedQuery: Hashable, Sendable {
    /// Free-text words (bare or from quoted phrases), joined with single spaces.
    public var text: String
    /// `topic:` and `-topic:` terms in query order; positive ones combine with OR.
    public var topics: [TopicTerm]
    /// `type:` values; several combine with OR.
    public var kinds: Set<ItemKind>
    /// `after:` — listed on or after this instant (the start of a Brussels day, month or year).
    public var after: Date?
    /// `before:` — listed before this instant (the start of a Brussels day, month or year).
    public var before: Date?
    /// `author:` — the author contains this.
    public var author: String?
    /// `is:upcoming` / `is:past`.
    public var eventTiming: EventTiming?
    /// `is:unread` / `is:read`.
    public var readState: ReadState?

    public init(text: String = "", topics: [TopicTerm] = [], kinds: Set<ItemKind> = [],
                after: Date? = nil, before: Date? = nil, author: String? = nil,
                eventTiming: EventTiming? = nil, readState: ReadState? = nil) {
        self.text = text
        self.topics = topics
        self.kinds = kinds
        self.after = after
        self.before = before
        self.author = author
        self.eventTiming = eventTiming
        self.readState = readState
    }

    /// An empty search line.
    public static let empty = ParsedQuery()

    public var isEmpty: Bool { self == .empty }
}

/// One `topic:` term as typed: a label or a URI, resolved later against the vocabulary.
public struct TopicTerm: Hashable, Sendable {
    /// The label or URI, whitespace runs collapsed to single spaces.
    public var term: String
    /// `-topic:` — exclude items carrying this topic.
    public var negated: Bool
    /// Where the term (including its `-`) starts in the query, 1-based in Characters, so a
    /// topic that does not resolve can be pointed at. Not part of equality or hashing: two
    /// terms that say the same thing are equal wherever they were typed.
    public var column: Int

    public init(term: String, negated: Bool = false, column: Int = 1) {
        self.term = term
        self.negated = negated
        self.column = column
    }

    public static func == (a: TopicTerm, b: TopicTerm) -> Bool {
        a.term == b.term && a.negated == b.negated
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(term)
        hasher.combine(negated)
    }
}
