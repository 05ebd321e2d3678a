/// What a `topic:` term names in the vocabulary.
public enum TopicResolution: Hashable, Sendable {
    /// Exactly one topic (by URI, or by a label only it carries).
    case resolved(Topic)
    /// Several topics share the label (e.g. "ICT": a category and a term); categories first.
    case ambiguous([Topic])
    /// Nothing matches; up to three close labels, best first.
    case unknown(suggestions: [Topic])

    public var topic: Topic? {
        if case .resolved(let topic) = self { topic } else { nil }
    }

    /// A one-line explanation for the error cases, nil when resolved. `term` is what was typed:
    ///
    ///     "ICT" names 2 topics: http://joinup.eu/ontology/topic/category#ict (category), http://joinup.eu/ontology/topic#ict (term); use the URI
    ///     unknown topic "Securty"; did you mean "Security"?
    public func message(for term: String) -> String? {
        switch self {
        case .resolved:
            return nil
        case .ambiguous(let topics):
            let listed = topics.map { "\($0.uri) (\($0.level.rawValue))" }.joined(separator: ", ")
            return "\"\(term)\" names \(topics.count) topics: \(listed); use the URI"
        case .unknown(let suggestions):
            guard !suggestions.isEmpty else { return "unknown topic \"\(term)\"" }
            let folded = suggestions.map { TopicResolver.fold($0.label) }
            let names = suggestions.enumerated().map { offset, topic in
                let shared = folded.filter { $0 == folded[offset] }.count > 1
                return "\"\(topic.label)\"" + (shared ? " (\(topic.level.rawValue))" : "")
            }
            let choices = names.count == 1 ? names[0]
                : names.dropLast().joined(separator: ", ") + " or " + names[names.count - 1]
            return "unknown topic \"\(term)\"; did you mean \(choices)?"
        }
    }
}
