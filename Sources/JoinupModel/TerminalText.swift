/// Makes text from the network safe to put on a terminal.
///
/// Removes everything that could move the cursor, change modes or reorder text: C0 and C1
/// controls (so no ESC, CSI, OSC or BEL survives), DEL, bidi embeddings, overrides and
/// isolates, zero-width and invisible format characters.
public enum TerminalText {
    /// One line of text: line breaks and tabs become spaces, runs of spaces collapse.
    public static func line(_ text: String) -> String {
        if isCleanLine(text) { return text }
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
        if isCleanBlock(text) { return text }
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
    /// scalar by scalar, and nearly every title, name and link of a feed is already clean.
    private static func isCleanLine(_ text: String) -> Bool {
        var previousWasSpace = true
        for scalar in text.unicodeScalars {
            if scalar == " " {
                if previousWasSpace { return false }
                previousWasSpace = true
            } else if isBreakingSpace(scalar) || !isAllowed(scalar) {
                return false
            } else {
                previousWasSpace = false
            }
        }
        return !previousWasSpace || text.isEmpty
    }

    /// True when `block` would return the text unchanged (no "\r", tab, other line separator or
    /// disallowed scalar).
    private static func isCleanBlock(_ text: String) -> Bool {
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": continue
            case "\r", "\t", "\u{2028}", "\u{2029}", "\u{85}": return false
            default: if !isAllowed(scalar) { return false }
            }
        }
        return true
    }

    private static func isBreakingSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case " ", "\t", "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}": true
        default: false
        }
    }
}
