import Foundation

/// Small facts about search-line text, shared by the reducer and the views.
public enum SearchText {
    /// True when the text uses the fielded query language (`topic:…`, `-topic:…`), which needs
    /// parsing against the vocabulary; plain words filter directly.
    public static func usesQueryLanguage(_ text: String) -> Bool {
        text.split(separator: " ").contains { word in
            word.contains(":") && !word.contains("://") || (word.hasPrefix("-") && word.contains(":"))
        }
    }

    /// The words a match highlight looks for (field terms left out).
    public static func highlightWords(_ text: String) -> [String] {
        text.split(separator: " ").map(String.init).filter { !$0.contains(":") && !$0.hasPrefix("-") && !$0.isEmpty }
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }.filter { !$0.isEmpty }
    }
}
