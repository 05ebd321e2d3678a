import Foundation

/// Case- and accent-insensitive keys: "Européen" and "EUROPEEN" fold to "europeen".
public enum TextFolding {
    /// Lower-cases and strips diacritics; ASCII text takes a fast path that skips Foundation.
    public static func fold(_ text: String) -> String {
        var ascii = true
        for byte in text.utf8 where byte >= 0x80 {
            ascii = false
            break
        }
        if ascii { return text.lowercased() }
        return text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .lowercased()
    }

    /// Whether `text` contains `query`, both folded (an empty query is contained in everything).
    public static func contains(_ text: String, _ query: String) -> Bool {
        let needle = fold(query.trimmingCharacters(in: .whitespacesAndNewlines))
        return needle.isEmpty || fold(text).contains(needle)
    }
}
