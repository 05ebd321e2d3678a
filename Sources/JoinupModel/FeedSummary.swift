import Foundation

/// Joinup's feed description: the body as plain text, cut at 200 characters with no mark
/// (`smart_trim`, `trim_length: 200`, `trim_suffix: ''` in joinup-dev's `views.view.group_feed.yml`).
public enum FeedSummary {
    /// Joinup's cut.
    public static let length = 200
    /// The mark joinup adds where Joinup cut a description short.
    public static let mark = "…"

    /// What Joinup puts in `<description>` for `body`: its text with whitespace runs made single
    /// spaces, cut at `length` characters.
    public static func joinupDescription(of body: String) -> String {
        let words = body.split(whereSeparator: { $0.isWhitespace })
        return String(words.joined(separator: " ").prefix(length))
    }

    /// Whether a plain-text description looks cut by Joinup: it fills (nearly) the whole 200
    /// characters and does not end a sentence. A text that happens to end at 200 characters on a
    /// full stop is taken as whole.
    public static func looksCut(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.count >= length - 10, trimmed.count <= length, let last = trimmed.last else { return false }
        return !".!?…\"'»”)".contains(last)
    }
}
