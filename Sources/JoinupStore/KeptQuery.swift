import JoinupModel

/// A search-line query kept with Enter: its text as typed, and the filter it was typed over.
public struct KeptQuery: Hashable, Sendable {
    public var text: String
    public var base: ItemFilter

    public init(text: String, base: ItemFilter) {
        self.text = text
        self.base = base
    }
}

extension ItemFilter {
    /// The filter without its last part as the filter line lists them (topics, excluded topics,
    /// types, upcoming/past, text, author, after, before): Backspace removes one chip at a time.
    func removingLastPart() -> ItemFilter {
        var filter = self
        if filter.until != nil { filter.until = nil }
        else if filter.since != nil { filter.since = nil }
        else if filter.author != nil { filter.author = nil }
        else if !filter.text.isEmpty { filter.text = "" }
        else if filter.eventTiming != nil { filter.eventTiming = nil }
        else if !filter.kinds.isEmpty { filter.kinds = [] }
        else if !filter.excludedTopicURIs.isEmpty { filter.excludedTopicURIs = [] }
        else { filter.topicURIs = [] }
        return filter
    }
}
