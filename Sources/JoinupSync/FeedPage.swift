import JoinupModel

/// One document of a collection's RSS feed: its items and what it says about paging and completeness.
public struct FeedPage: Hashable, Sendable {
    /// The channel's title.
    public var title: String
    /// The channel's link (the collection page).
    public var link: String
    /// The channel's own URL (`<atom:link rel="self">`), when given.
    public var selfURL: String?
    /// The next page of a paged feed (RFC 5005 `<atom:link rel="next">`), nil on the last page.
    public var nextPageURL: String?
    /// True when the channel carries `<fh:complete/>`: the document lists every item (RFC 5005).
    public var isComplete: Bool
    /// The items in feed order, each with the `collectionURI` given to the parser.
    public var items: [Item]
    /// Topics learnt from the items' categories, first label wins, in order of first appearance.
    public var categoryTopics: [Topic]
    /// Items left out because a value they need could not be read.
    public var skippedItems: SkippedItems

    public init(title: String, link: String, selfURL: String? = nil, nextPageURL: String? = nil,
                isComplete: Bool, items: [Item], categoryTopics: [Topic], skippedItems: SkippedItems = SkippedItems()) {
        self.title = title
        self.link = link
        self.selfURL = selfURL
        self.nextPageURL = nextPageURL
        self.isComplete = isComplete
        self.items = items
        self.categoryTopics = categoryTopics
        self.skippedItems = skippedItems
    }
}
