import Foundation

/// Finding topics by what a person typed: a URI, or a label (case- and accent-insensitive).
public enum TopicLookup {
    /// What a typed topic names.
    public enum Resolution: Hashable, Sendable {
        case found(Topic)
        /// Several topics carry this label (a category and its term often do).
        case ambiguous([Topic])
        /// Nothing carries it; the closest labels, best first (possibly none).
        case unknown(suggestions: [Topic])
    }

    public static func key(_ text: String) -> String {
        TextFolding.fold(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Resolves `text` against a vocabulary: an exact URI first, then the label.
    public static func resolve(_ text: String, in vocabulary: [Topic]) -> Resolution {
        if let byURI = vocabulary.first(where: { $0.uri == text }) { return .found(byURI) }
        let wanted = key(text)
        let matches = vocabulary.filter { key($0.label) == wanted }
            .sorted { a, b in a.isCategory != b.isCategory ? a.isCategory : a.uri < b.uri }
        switch matches.count {
        case 0: return .unknown(suggestions: suggestions(for: text, in: vocabulary))
        case 1: return .found(matches[0])
        default: return .ambiguous(matches)
        }
    }

    /// Labels close to `text`: containing it, contained in it, or within a small edit distance.
    public static func suggestions(for text: String, in vocabulary: [Topic], limit: Int = 5) -> [Topic] {
        let wanted = key(text)
        guard !wanted.isEmpty else { return [] }
        let budget = max(1, wanted.count / 3)
        var scored: [(Int, Topic)] = []
        for topic in vocabulary {
            let label = key(topic.label)
            let distance = editDistance(wanted, label)
            if label.contains(wanted) || wanted.contains(label) {
                scored.append((distance, topic))
            } else if distance <= budget {
                scored.append((distance, topic))
            }
        }
        return scored.sorted { a, b in
            if a.0 != b.0 { return a.0 < b.0 }
            if a.1.label != b.1.label { return a.1.label < b.1.label }
            return a.1.isCategory && !b.1.isCategory
        }.prefix(limit).map(\.1)
    }

    /// Levenshtein distance over characters.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
