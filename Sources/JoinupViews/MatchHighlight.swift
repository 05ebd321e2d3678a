import Foundation

/// Where search words match in a title: at word starts, ignoring case and accents, as the
/// full-text search matches (prefixes of words).
enum MatchHighlight {
    static func ranges(of words: [String], in text: String) -> [Range<String.Index>] {
        var found: [Range<String.Index>] = []
        for word in words where !word.isEmpty {
            var start = text.startIndex
            while let range = text.range(of: word, options: [.caseInsensitive, .diacriticInsensitive],
                                         range: start..<text.endIndex) {
                let atWordStart = range.lowerBound == text.startIndex
                    || !(text[text.index(before: range.lowerBound)].isLetter || text[text.index(before: range.lowerBound)].isNumber)
                if atWordStart { found.append(range) }
                start = range.upperBound
            }
        }
        return found.sorted { $0.lowerBound < $1.lowerBound }
    }
}
