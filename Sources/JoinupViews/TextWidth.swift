/// Measuring, cutting and wrapping text by terminal columns rather than by characters.
///
/// All results are display-normalised (see `DisplayCell`): what you measure is what a surface draws.
public enum TextWidth {
    public static let ellipsis = "…"

    /// Columns one character occupies (0 for a character that is dropped on display).
    public static func width(_ character: Character) -> Int {
        DisplayCell.cells(of: String(character)).reduce(0) { $0 + $1.width }
    }

    /// Columns a text occupies on one line.
    public static func width(_ text: some StringProtocol) -> Int {
        if isPrintableASCII(text) { return text.utf8.count }
        return DisplayCell.measure(text).columns
    }

    /// Printable ASCII only (no control character): one column per byte, drawn as it is. Nearly
    /// every label, date and title of a frame is; measuring those cell by cell (a `wcwidth` call
    /// and an array per character) was a quarter of the first frame's drawing.
    static func isPrintableASCII(_ text: some StringProtocol) -> Bool {
        text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    }

    /// The text as a surface will draw it: disallowed scalars, variation selectors and
    /// skin-tone modifiers removed, unmeasurable scalars replaced.
    public static func displayable(_ text: some StringProtocol) -> String {
        if isPrintableASCII(text) || DisplayCell.measure(text).asIs { return String(text) }
        return DisplayCell.cells(of: text).map(\.text).joined()
    }

    /// The leading part of the text that fits in `columns`, cut without a mark.
    public static func clip(_ text: some StringProtocol, to columns: Int) -> String {
        if isPrintableASCII(text) { return String(text.prefix(max(0, columns))) }
        var result = ""
        var used = 0
        for cell in DisplayCell.cells(of: text) {
            if used + cell.width > columns { break }
            result += cell.text
            used += cell.width
        }
        return result
    }

    /// The text cut to `columns`, ending with "…" when anything was cut. May be one column short
    /// when a wide character would straddle the cut.
    public static func truncate(_ text: some StringProtocol, to columns: Int) -> String {
        guard columns > 0 else { return "" }
        if isPrintableASCII(text) {
            return text.utf8.count <= columns ? String(text) : String(text.prefix(columns - 1)) + ellipsis
        }
        let measured = DisplayCell.measure(text)
        if measured.columns <= columns {
            return measured.asIs ? String(text) : DisplayCell.cells(of: text).map(\.text).joined()
        }
        return clip(text, to: columns - 1) + ellipsis
    }

    /// The text truncated to `columns` and padded with spaces to exactly `columns`.
    public static func pad(_ text: some StringProtocol, to columns: Int) -> String {
        let cut = truncate(text, to: columns)
        return cut + String(repeating: " ", count: max(0, columns - width(cut)))
    }

    /// The text truncated to `columns` and padded on the left to exactly `columns`.
    public static func padLeft(_ text: some StringProtocol, to columns: Int) -> String {
        let cut = truncate(text, to: columns)
        return String(repeating: " ", count: max(0, columns - width(cut))) + cut
    }

    /// Word-wraps text to lines of at most `columns` (a character wider than `columns` gets a
    /// line of its own). Line breaks are kept, so blank lines between paragraphs survive; words
    /// longer than a line are broken, except a URL, which is never split: one too long for a line
    /// is shown shortened with "…" (copy and open use the whole link from the data, not the screen);
    /// runs of spaces between words collapse.
    public static func wrap(_ text: some StringProtocol, width columns: Int) -> [String] {
        guard columns > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let words = paragraph.split(separator: " ").map { displayable($0) }.filter { !$0.isEmpty }
            if words.isEmpty {
                lines.append("")
                continue
            }
            var line = ""
            var used = 0
            for word in words {
                var rest = Substring(word)
                var restWidth = width(rest)
                if used > 0 && used + 1 + restWidth <= columns {
                    line += " " + rest
                    used += 1 + restWidth
                    continue
                }
                if used > 0 {
                    lines.append(line)
                    line = ""
                    used = 0
                }
                if restWidth > columns && looksLikeURL(rest) {
                    lines.append(truncate(rest, to: columns))
                    continue
                }
                // Break a word that is wider than a whole line.
                while restWidth > columns {
                    var piece = ""
                    var pieceWidth = 0
                    var index = rest.startIndex
                    while index < rest.endIndex {
                        let w = width(rest[index])
                        if pieceWidth + w > columns && pieceWidth > 0 { break }
                        piece.append(rest[index])
                        pieceWidth += w
                        index = rest.index(after: index)
                    }
                    lines.append(piece)
                    rest = rest[index...]
                    restWidth -= pieceWidth
                }
                line = String(rest)
                used = restWidth
            }
            if !line.isEmpty { lines.append(line) }
        }
        return lines
    }

    /// A word that is a link ("https://…", "www.…", "mailto:…"): wrapping must not split it.
    static func looksLikeURL(_ word: some StringProtocol) -> Bool {
        let lowered = word.lowercased()
        return lowered.contains("://") || lowered.hasPrefix("www.") || lowered.hasPrefix("mailto:")
    }
}
