import JoinupModel

/// Where search words match in a title: at word starts, folded by `TextFolding` as the full-text
/// search folds them (prefixes of words), so "lodz" marks "Łódź" and "strass" marks "Straß".
enum MatchHighlight {
    static func ranges(of words: [String], in text: String) -> [Range<String.Index>] {
        let needles = words.map { Array(TextFolding.fold($0).unicodeScalars) }.filter { !$0.isEmpty }
        guard !needles.isEmpty else { return [] }
        // Each character's fold: a folded match maps back to the characters it came from, even
        // when folding changes the length ("ß" is "ss").
        let starts = Array(text.indices) + [text.endIndex]
        let folds = text.map { Array(TextFolding.fold(String($0)).unicodeScalars) }
        var found: [Range<String.Index>] = []
        for needle in needles {
            for first in folds.indices where first == 0 || !(text[starts[first - 1]].isLetter || text[starts[first - 1]].isNumber) {
                var folded: [Unicode.Scalar] = []
                var end = first
                while folded.count < needle.count && end < folds.count {
                    folded += folds[end]
                    end += 1
                }
                if folded.starts(with: needle) { found.append(starts[first]..<starts[end]) }
            }
        }
        return found.sorted { $0.lowerBound < $1.lowerBound }
    }
}
