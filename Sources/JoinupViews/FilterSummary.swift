import JoinupModel
import JoinupStore

/// The active filters in words, for the line above the list and the empty-result message.
enum FilterSummary {
    static func parts(_ state: AppState) -> [String] {
        let filter = state.overview.filter
        var parts: [String] = []
        let topicNames = filter.topicURIs.map { uri in state.overview.knownTopics[uri].map(label) ?? uri }.sorted()
        if !topicNames.isEmpty { parts.append("topic " + topicNames.joined(separator: " or ")) }
        let excluded = filter.excludedTopicURIs.map { uri in state.overview.knownTopics[uri].map(label) ?? uri }.sorted()
        if !excluded.isEmpty { parts.append("not " + excluded.joined(separator: ", ")) }
        let kinds = ItemKind.allCases.filter { filter.kinds.contains($0) }.map(\.label)
        if !kinds.isEmpty { parts.append("type " + kinds.joined(separator: " or ")) }
        if let timing = filter.eventTiming { parts.append(timing == .upcoming ? "upcoming" : "past") }
        if !filter.text.isEmpty { parts.append("“\(TerminalText.line(filter.text))”") }
        if let author = filter.author { parts.append("author “\(TerminalText.line(author))”") }
        if let since = filter.since { parts.append("after \(JoinupDate.day(since))") }
        if let until = filter.until { parts.append("before \(JoinupDate.day(until))") }
        if let state = filter.readState { parts.append(state.rawValue) }
        return parts
    }

    /// "▸ ICT" for a category (a term may share its label), else the label.
    private static func label(_ topic: Topic) -> String {
        topic.isCategory ? "▸ \(TerminalText.line(topic.label))" : TerminalText.line(topic.label)
    }
}
