import Foundation

/// A topic and how many items of the current result set carry it.
public struct FacetCount: Hashable, Sendable {
    public var topic: Topic
    public var count: Int

    public init(topic: Topic, count: Int) {
        self.topic = topic
        self.count = count
    }
}

/// Joinup's facet rules as pure functions: the cache computes the same in SQL.
public enum FacetRules {
    /// Count descending, then label (case- and accent-insensitive), then URI; zero counts hidden.
    public static func ordered(_ counts: [FacetCount]) -> [FacetCount] {
        counts.filter { $0.count > 0 }.sorted { a, b in
            if a.count != b.count { return a.count > b.count }
            let byLabel = a.topic.label.compare(b.topic.label, options: [.caseInsensitive, .diacriticInsensitive])
            if byLabel != .orderedSame { return byLabel == .orderedAscending }
            return a.topic.uri < b.topic.uri
        }
    }

    /// The topic URIs an item counts under: its own terms plus the categories of those terms.
    public static func effectiveTopics(of own: [String], in vocabulary: [String: Topic]) -> Set<String> {
        var result = Set(own)
        for uri in own {
            if let parent = vocabulary[uri]?.parentURI { result.insert(parent) }
        }
        return result
    }

    /// Facet counts over a set of items (each given by its own topic URIs), by Joinup's rules.
    public static func counts(items: [[String]], vocabulary: [String: Topic]) -> [FacetCount] {
        var tally: [String: Int] = [:]
        for own in items {
            for uri in effectiveTopics(of: own, in: vocabulary) { tally[uri, default: 0] += 1 }
        }
        let counts = tally.compactMap { uri, count in
            vocabulary[uri].map { FacetCount(topic: $0, count: count) }
        }
        return ordered(counts)
    }
}
