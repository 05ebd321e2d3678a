import Foundation

extension ParsedQuery {
    /// The canonical query text: free text first, then `topic:`/`-topic:` in order, `type:` in
    /// `ItemKind.allCases` order, `after:`, `before:` (as `YYYY-MM-DD`), `author:`, `is:`.
    /// Values with spaces are quoted, and so are free-text words that would otherwise read as a
    /// field or a negation (`"10:30"`, `"-word"`).
    ///
    /// `QueryParser.parse(q.formatted) == q` for every `q` the parser produces. Values it cannot
    /// produce don't round-trip: text or values containing `"`, dates that are not the start of
    /// a Brussels day (the time of day is dropped), `after` not before `before`.
    public var formatted: String {
        var parts: [String] = []
        for word in text.split(separator: " ") {
            parts.append(word.contains(":") || word.hasPrefix("-") ? "\"\(word)\"" : String(word))
        }
        for topic in topics {
            parts.append((topic.negated ? "-" : "") + "topic:" + Self.value(topic.term))
        }
        for kind in ItemKind.allCases where kinds.contains(kind) {
            parts.append("type:" + kind.rawValue)
        }
        if let after { parts.append("after:" + QueryDate.day(of: after)) }
        if let before { parts.append("before:" + QueryDate.day(of: before)) }
        if let author { parts.append("author:" + Self.value(author)) }
        if let eventTiming { parts.append("is:" + eventTiming.rawValue) }
        if let readState { parts.append("is:" + readState.rawValue) }
        return parts.joined(separator: " ")
    }

    private static func value(_ value: String) -> String {
        value.isEmpty || value.contains(where: \.isWhitespace) ? "\"\(value)\"" : value
    }
}
