/// Turns what a person typed into an FTS5 query that can never be a syntax error.
///
/// The text is split into words at every character that is neither a letter nor a digit (as the
/// `unicode61` tokenizer splits documents); each word becomes a quoted prefix query
/// (`"word"*`), and the words must all match (FTS5's implicit AND). A word holds only letters
/// and digits, so it contains no quote and no FTS5 operator, and quoting it makes even `AND`,
/// `NEAR` or `title:` plain words.
public enum FTSQuery {
    /// At most this many words are searched (a pasted paragraph stays a cheap query).
    public static let maximumWords = 16

    /// The words of `text` as the search sees them.
    public static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for character in text {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return Array(words.prefix(maximumWords))
    }

    /// The MATCH expression, or nil when the text has no word at all (no text constraint).
    public static func match(_ text: String) -> String? {
        match(text) { [$0] }
    }

    /// The MATCH expression where a word that `tokens` splits into several tokens is searched as
    /// those tokens, each a prefix (no phrase: an index without positions cannot answer one).
    public static func match(_ text: String, tokens: (String) throws -> [String]) rethrows -> String? {
        let words = words(text)
        guard !words.isEmpty else { return nil }
        var terms: [String] = []
        for word in words {
            let parts = try tokens(word)
            terms.append(contentsOf: parts.count > 1 ? parts : [word])
        }
        return terms.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"*" }.joined(separator: " ")
    }
}
