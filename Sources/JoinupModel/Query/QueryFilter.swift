import Foundation

extension ParsedQuery {
    /// The `ItemFilter` this query asks for, on top of `base`: every field the query sets
    /// replaces the base's (positive topics replace `topicURIs`, negated ones replace
    /// `excludedTopicURIs`, `type:` replaces `kinds`, free text replaces `text`, …); fields the
    /// query leaves out keep the base's value.
    ///
    /// Topic terms are resolved with `TopicResolver`; the first one that is ambiguous or unknown
    /// throws a `QueryError` at that term's column.
    public func filter(base: ItemFilter = .none, vocabulary: [Topic]) throws(QueryError) -> ItemFilter {
        var filter = base
        var included: Set<String> = []
        var excluded: Set<String> = []
        for term in topics {
            let resolution = TopicResolver.resolve(term.term, in: vocabulary)
            guard let topic = resolution.topic else {
                throw QueryError(column: term.column, message: resolution.message(for: term.term) ?? "unknown topic")
            }
            if term.negated {
                excluded.insert(topic.uri)
            } else {
                included.insert(topic.uri)
            }
        }
        if !included.isEmpty { filter.topicURIs = included }
        if !excluded.isEmpty { filter.excludedTopicURIs = excluded }
        if !kinds.isEmpty { filter.kinds = kinds }
        if !text.isEmpty { filter.text = text }
        if let author { filter.author = author }
        if let after { filter.since = after }
        if let before { filter.until = before }
        if let eventTiming { filter.eventTiming = eventTiming }
        if let readState { filter.readState = readState }
        return filter
    }
}
