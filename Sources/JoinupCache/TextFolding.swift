import Foundation

/// Case- and accent-insensitive keys: "Européen" and "EUROPEEN" fold to "europeen".
public enum TextFolding {
    /// Lower-cases and strips diacritics. ASCII text and Latin text (up to Latin Extended-B,
    /// most of European titles and names) take fast paths that skip Foundation's folding, which
    /// was 4 % of a 100k first sync's CPU; anything else goes through Foundation.
    public static func fold(_ text: String) -> String {
        var ascii = true
        for byte in text.utf8 where byte >= 0x80 {
            ascii = false
            break
        }
        if ascii { return text.lowercased() }
        return foldLatin(text) ?? foundationFold(text)
    }

    /// Whether `text` contains `query`, both folded (an empty query is contained in everything).
    public static func contains(_ text: String, _ query: String) -> Bool {
        let needle = fold(query.trimmingCharacters(in: .whitespacesAndNewlines))
        return needle.isEmpty || fold(text).contains(needle)
    }

    /// The reference: Foundation's folding, then lower case.
    static func foundationFold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .lowercased()
    }

    /// The first scalar past the Latin table (U+0250, IPA extensions).
    private static let latinEnd: UInt32 = 0x250

    /// Foundation's fold of each scalar from U+0080 to U+024F, computed once. Below U+0250 no
    /// scalar combines with its neighbours, so a text of them folds scalar by scalar (tested
    /// against `foundationFold` on random text).
    private static let latinFolds: [String] = (0x80..<latinEnd).map { value in
        foundationFold(String(Unicode.Scalar(value)!))
    }

    /// The fold of a text whose scalars are all below U+0250, else nil.
    static func foldLatin(_ text: String) -> String? {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                // ASCII: lower case is the whole fold.
                result.unicodeScalars.append(value >= 0x41 && value <= 0x5A ? Unicode.Scalar(value + 0x20)! : scalar)
            } else if value < latinEnd {
                result += latinFolds[Int(value - 0x80)]
            } else {
                return nil
            }
        }
        return result
    }
}
