/// Makes text from the network safe to put on a terminal.
///
/// Removes everything that could move the cursor, change modes or reorder text: C0 and C1
/// controls (so no ESC, CSI, OSC or BEL survives), DEL, bidi embeddings, overrides and
/// isolates, zero-width and invisible format characters.
public enum TerminalText {
    /// One line of text: line breaks and tabs become spaces, runs of spaces collapse.
    public static func line(_ text: String) -> String {
        isCleanLine(text) ? text : rebuiltLine(text)
    }

    /// `line` scalar by scalar, for text the clean check refused.
    static func rebuiltLine(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var lastWasSpace = true
        for scalar in text.unicodeScalars {
            if isBreakingSpace(scalar) {
                if !lastWasSpace { out.append(" ") }
                lastWasSpace = true
            } else if isAllowed(scalar) {
                out.append(scalar)
                lastWasSpace = false
            }
        }
        var result = String(out)
        while result.hasSuffix(" ") { result.removeLast() }
        return result
    }

    /// Multi-line text: keeps line breaks (normalised to "\n"), tabs become spaces.
    public static func block(_ text: String) -> String {
        isCleanBlock(text) ? text : rebuiltBlock(text)
    }

    /// `block` scalar by scalar, for text the clean check refused.
    static func rebuiltBlock(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var previous: Unicode.Scalar = " "
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": if previous != "\r" { out.append("\n") }
            case "\r", "\u{2028}", "\u{2029}", "\u{85}": out.append("\n")
            case "\t": out.append(" ")
            default: if isAllowed(scalar) { out.append(scalar) }
            }
            previous = scalar
        }
        return String(out)
    }

    /// Text already laid out for a stream (a table row, a CSV record, a JSON line): keeps tab, LF
    /// and CR, the formats' own separators, and drops every other scalar `isAllowed` refuses. The
    /// last gate before stdout, so a field a command forgot to clean still cannot reach a terminal.
    public static func stream(_ text: String) -> String {
        if text.unicodeScalars.allSatisfy(isAllowedInStream) { return text }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: text.unicodeScalars.lazy.filter(isAllowedInStream))
        return String(out)
    }

    private static func isAllowedInStream(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\t" || scalar == "\n" || scalar == "\r" || isAllowed(scalar)
    }

    /// Whether a scalar may reach the terminal.
    public static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x20 || (0x7F...0x9F).contains(v) { return false }
        switch v {
        case 0x200B...0x200F,   // zero-width space/joiners, LRM, RLM
             0x202A...0x202E,   // bidi embeddings and overrides
             0x2060...0x2064,   // word joiner, invisible operators
             0x2066...0x2069,   // bidi isolates
             0x206A...0x206F,   // deprecated format characters
             0xFEFF,            // zero-width no-break space / BOM
             0xFFF9...0xFFFB,   // interlinear annotation
             0xE0000...0xE007F: // tag characters
            return false
        default:
            return true
        }
    }

    /// True when `line` would return the text unchanged: no leading, trailing or doubled
    /// space, no other breaking space, nothing disallowed. Checking is much cheaper than copying
    /// scalar by scalar, and nearly every title, name and link of a feed is already clean. It reads
    /// the UTF-8 bytes (a sync checks every field of every item), decoding only the few multi-byte
    /// scalars that can be refused.
    private static func isCleanLine(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var previousWasSpace = true
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x20 {
                    if previousWasSpace { return false }
                    previousWasSpace = true
                    index += 1
                    continue
                }
                // C0 controls (tab and line breaks among them) and DEL.
                if byte < 0x20 || byte == 0x7F { return false }
                if byte >= 0x80 {
                    guard let length = cleanScalarLength(bytes, at: index) else { return false }
                    index += length
                } else {
                    index += 1
                }
                previousWasSpace = false
            }
            return !previousWasSpace || bytes.isEmpty
        }
    }

    /// True when `block` would return the text unchanged (no "\r", tab, other line separator or
    /// disallowed scalar), over UTF-8 bytes as `isCleanLine`.
    private static func isCleanBlock(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x0A || (byte >= 0x20 && byte < 0x7F) {
                    index += 1
                } else if byte >= 0x80, let length = cleanScalarLength(bytes, at: index) {
                    index += length
                } else {
                    return false
                }
            }
            return true
        }
    }

    /// The byte length of the multi-byte scalar starting at `index`, or nil when `isAllowed` refuses
    /// it or it is a line or paragraph separator (U+0085, U+2028, U+2029: neither form keeps those).
    /// Every such scalar starts with C2, E2, EF or F3; others are not decoded. (A String holds valid
    /// UTF-8, so a lead byte always starts a whole scalar.)
    private static func cleanScalarLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        let lead = bytes[index]
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        guard lead == 0xC2 || lead == 0xE2 || lead == 0xEF || lead == 0xF3 else { return length }
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        let scalar = Unicode.Scalar(value)!
        guard isAllowed(scalar), value != 0x85, value != 0x2028, value != 0x2029 else { return nil }
        return length
    }

    private static func isBreakingSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case " ", "\t", "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}": true
        default: false
        }
    }
}
