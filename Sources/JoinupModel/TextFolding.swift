import Foundation

/// Case- and accent-insensitive keys: "Européen" and "EUROPEEN" fold to "europeen", "Łódź" to
/// "lodz", "Straße" to "strasse". The one fold every search uses: the full-text index and its
/// queries, the author filter, the title sort, member names, topic labels and the highlight.
public enum TextFolding {
    /// Lower-cases, strips diacritics and folds the letters Unicode does not decompose
    /// (`letterFolds`). Text of ASCII, Latin, Greek and Cyrillic letters (every title, body and
    /// name in the EU's languages) folds byte by byte from a table: a 100k first sync folds every
    /// item body, and Foundation's folding was already 4 % of its CPU for titles and authors
    /// alone. Anything else (a combining mark, another script) goes through `referenceFold`.
    public static func fold(_ text: String) -> String {
        foldByTable(text) ?? referenceFold(text)
    }

    /// Whether `text` contains `query`, both folded (an empty query is contained in everything).
    public static func contains(_ text: String, _ query: String) -> Bool {
        let needle = fold(query.trimmingCharacters(in: .whitespacesAndNewlines))
        return needle.isEmpty || fold(text).contains(needle)
    }

    /// Letters with no canonical decomposition (a stroke, a ligature, another letter's form), by
    /// what Foundation's fold leaves of them (lower case), and what they fold to: the letter a
    /// person without that key types. Greek final sigma joins σ.
    static let letterFolds: [Unicode.Scalar: String] = [
        "ß": "ss", "æ": "ae", "œ": "oe", "þ": "th", "ø": "o", "đ": "d", "ħ": "h", "ı": "i", "ł": "l",
        "ð": "d", "ŀ": "l", "ŧ": "t", "ŋ": "n", "ƀ": "b", "ƶ": "z", "ǥ": "g",
        "ĳ": "ij", "ǆ": "dz", "ǳ": "dz", "ǉ": "lj", "ǌ": "nj",
        "ς": "σ",
    ]

    /// The reference every fast path equals: Foundation's folding, lower case, then `letterFolds`.
    static func referenceFold(_ text: String) -> String {
        let folded = foundationFold(text)
        guard folded.unicodeScalars.contains(where: { letterFolds[$0] != nil }) else { return folded }
        var result = ""
        result.reserveCapacity(folded.utf8.count)
        for scalar in folded.unicodeScalars {
            if let replacement = letterFolds[scalar] { result += replacement } else { result.unicodeScalars.append(scalar) }
        }
        return result
    }

    /// Foundation's folding, then lower case.
    static func foundationFold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .lowercased()
    }

    /// The first scalar past the table (Armenian): Latin up to Latin Extended-B, IPA, Greek and
    /// Cyrillic are in it.
    private static let tableEnd = 0x530

    /// Combining marks fold with the letter before them: a text holding one takes the reference
    /// path. Every other scalar below `tableEnd` folds on its own (tested against
    /// `referenceFold` on random text).
    private static func combines(_ value: UInt32) -> Bool {
        (0x300..<0x370).contains(value) || (0x483..<0x48A).contains(value)
    }

    /// The reference fold of each scalar from U+0080 to `tableEnd`, computed once (nil: combining).
    private static let scalarFolds: [[UInt8]?] = (0x80..<tableEnd).map { value in
        combines(UInt32(value)) ? nil : Array(referenceFold(String(Unicode.Scalar(UInt32(value))!)).utf8)
    }

    /// The fold of a text whose scalars are all in the table, else nil. Works on UTF-8 bytes:
    /// appending scalar by scalar to a String was 3.5 times slower (docs/BENCHMARKS.md).
    static func foldByTable(_ text: String) -> String? {
        if let folded = text.utf8.withContiguousStorageIfAvailable({ foldByTable(utf8: $0) }) { return folded }
        return Array(text.utf8).withUnsafeBufferPointer { foldByTable(utf8: $0) }
    }

    /// The longest fold of a table scalar, in UTF-8 bytes (each takes two bytes in the text).
    private static let longestFold = scalarFolds.reduce(0) { max($0, $1?.count ?? 0) }

    private static func foldByTable(utf8 bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var complete = true
        // ASCII folds to its own length and never reads the table: sizing by `longestFold` would
        // build it (the first frame folds an empty search and ASCII names before anything needs it).
        let capacity = bytes.allSatisfy { $0 < 0x80 } ? bytes.count : bytes.count * max(1, (longestFold + 1) / 2)
        let folded = String(unsafeUninitializedCapacity: capacity) { output in
            var i = 0, o = 0
            while i < bytes.count {
                let byte = bytes[i]
                if byte < 0x80 {
                    // ASCII: lower case is the whole fold.
                    output[o] = byte &- 0x41 < 26 ? byte + 0x20 : byte
                    i += 1
                    o += 1
                } else if byte & 0xE0 == 0xC0, i + 1 < bytes.count {
                    // A two-byte sequence: U+0080 to U+07FF.
                    let value = Int(byte & 0x1F) << 6 | Int(bytes[i + 1] & 0x3F)
                    guard value < tableEnd, let fold = scalarFolds[value - 0x80] else {
                        complete = false
                        return 0
                    }
                    for b in fold {
                        output[o] = b
                        o += 1
                    }
                    i += 2
                } else {
                    complete = false
                    return 0
                }
            }
            return o
        }
        return complete ? folded : nil
    }
}
