import Foundation

/// Finds the topic a `topic:` term names. Filters go by URI; labels are for people, and a
/// parent category and a child term often share one.
public enum TopicResolver {
    /// Exact URI first; then a label equal to the term ignoring case, diacritics and extra
    /// whitespace — one match resolves, several are ambiguous (categories first, then by URI).
    /// With no match, suggests up to three topics: labels starting with the term, then labels
    /// containing it (or contained in it), then labels within a small edit distance.
    public static func resolve(_ term: String, in vocabulary: [Topic]) -> TopicResolution {
        var seen = Set<String>()
        let topics = vocabulary.filter { seen.insert($0.uri).inserted }
        if let topic = topics.first(where: { $0.uri == term }) {
            return .resolved(topic)
        }
        let key = fold(term)
        guard !key.isEmpty else { return .unknown(suggestions: []) }
        let labelled = topics.map { (topic: $0, key: fold($0.label)) }
        let exact = labelled.filter { $0.key == key }.map(\.topic).sorted(by: categoriesFirst)
        switch exact.count {
        case 1: return .resolved(exact[0])
        case 2...: return .ambiguous(exact)
        default: break
        }
        let tolerance = min(2, max(1, key.count / 4))
        let ranked: [(rank: Int, topic: Topic, key: String)] = labelled.compactMap { topic, label in
            if label.hasPrefix(key) || fold(topic.uri) == key { return (0, topic, label) }
            if label.contains(key) || key.contains(label) { return (1, topic, label) }
            if editDistance(label, key, limit: tolerance) <= tolerance { return (2, topic, label) }
            return nil
        }
        let best = ranked.sorted {
            ($0.rank, $0.key, $0.topic.isCategory ? 0 : 1, $0.topic.uri)
                < ($1.rank, $1.key, $1.topic.isCategory ? 0 : 1, $1.topic.uri)
        }
        return .unknown(suggestions: best.prefix(3).map(\.topic))
    }

    /// Case-, diacritic- and whitespace-insensitive key for labels.
    static func fold(_ text: String) -> String {
        TextFolding.fold(text).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    private static func categoriesFirst(_ a: Topic, _ b: Topic) -> Bool {
        (a.isCategory ? 0 : 1, a.uri) < (b.isCategory ? 0 : 1, b.uri)
    }

    /// Levenshtein distance over Characters, giving up (returning `limit + 1`) once it must
    /// exceed `limit`.
    static func editDistance(_ a: String, _ b: String, limit: Int) -> Int {
        let a = Array(a), b = Array(b)
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1,
                                 previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            if current.min()! > limit { return limit + 1 }
            previous = current
        }
        return previous[b.count]
    }
}
