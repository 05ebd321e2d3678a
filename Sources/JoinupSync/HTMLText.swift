/// Turns the HTML of feed descriptions and RDF literals into plain text with paragraphs.
///
/// Deliberately small: Joinup bodies are simple editor output (paragraphs, lists, links, emphasis), and
/// the terminal needs only the words and the paragraph breaks, never markup.
public enum HTMLText {
    /// Drops tags (and script/style content), turns `<p>`/`<div>`/headings/lists into paragraph breaks
    /// and `<br>`/`<li>` into line breaks, starts list items with their bullet ("• ") or number ("2. "), decodes named and numeric entities, collapses whitespace.
    /// Paragraphs are separated by one blank line; no leading or trailing whitespace remains.
    /// Text without any tag keeps its blank-line paragraphs (plain-text descriptions).
    public static func plainText(_ html: String) -> String {
        let s = Array(html.unicodeScalars)
        let hasMarkup = containsTag(s)
        var out = Builder()
        var i = 0
        while i < s.count {
            let c = s[i]
            if c == "<", hasMarkup, let end = tagEnd(s, from: i) {
                i = handleTag(s, from: i, to: end, into: &out)
                continue
            }
            if c == "&" {
                if let (decoded, next) = entity(s, at: i) {
                    for scalar in decoded.unicodeScalars { out.text(scalar) }
                    i = next
                    continue
                }
            }
            if !hasMarkup, c == "\n" {
                // In plain text a blank line is a paragraph break; a single newline is just a space.
                var j = i + 1
                var newlines = 1
                while j < s.count, s[j] == "\n" || s[j] == " " || s[j] == "\t" || s[j] == "\r" {
                    if s[j] == "\n" { newlines += 1 }
                    j += 1
                }
                if newlines >= 2 { out.paragraph() } else { out.text(" ") }
                i = j
                continue
            }
            out.text(c)
            i += 1
        }
        return String(decoding: out.out, as: UTF8.self)
    }

    /// Accumulates text, deferring spaces and breaks so they collapse and never lead or trail.
    private struct Builder {
        /// UTF-8 bytes: appending to a `String.UnicodeScalarView` scalar by scalar was a tenth of a sync.
        var out: [UInt8] = []
        var pendingSpace = false
        var pendingBreaks = 0
        /// The open lists, innermost last: nil for a bulleted one, else the next item's number.
        var lists: [Int?] = []
        /// A list item's marker was just written: its text follows on the same line.
        var afterMarker = false

        mutating func text(_ c: Unicode.Scalar) {
            switch c {
            case " ", "\t", "\n", "\r", "\u{0C}", "\u{A0}":
                pendingSpace = true
                return
            default: break
            }
            if afterMarker {
                pendingBreaks = 0
                pendingSpace = false
                afterMarker = false
            }
            flushPending()
            if c.isASCII {
                out.append(UInt8(truncatingIfNeeded: c.value))
            } else {
                UTF8.encode(c) { out.append($0) }
            }
        }

        /// Writes the breaks or the space waiting before the next text (none at the very start).
        private mutating func flushPending() {
            if !out.isEmpty {
                if pendingBreaks > 0 {
                    for _ in 0..<pendingBreaks { out.append(UInt8(ascii: "\n")) }
                } else if pendingSpace {
                    out.append(UInt8(ascii: " "))
                }
            }
            pendingBreaks = 0
            pendingSpace = false
        }

        /// `<li>`: a new line starting with the item's bullet or number.
        mutating func listItem() {
            newLine()
            flushPending()
            var marker = "• "
            if let number = lists.last ?? nil {
                marker = "\(number). "
                lists[lists.count - 1] = number + 1
            }
            out.append(contentsOf: Array(marker.utf8))
            afterMarker = true
        }

        /// `</li>`: one line break, even after the item's last paragraph.
        mutating func endListItem() { pendingBreaks = 1 }
        /// `<br>`: each adds a line break, two in a row make a blank line.
        mutating func lineBreak() { pendingBreaks = min(2, pendingBreaks + 1) }
        /// `<li>`, `<tr>`: start a new line unless one is already pending.
        mutating func newLine() { pendingBreaks = max(1, pendingBreaks) }
        /// Block elements: one blank line.
        mutating func paragraph() { pendingBreaks = 2 }
        /// Table cells and the like: a word boundary.
        mutating func space() { pendingSpace = true }
    }

    private static let paragraphTags: Set<String> = [
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "table", "blockquote", "pre",
        "section", "article", "header", "footer", "figure", "figcaption", "hr", "address", "aside", "nav",
    ]
    private static let lineTags: Set<String> = ["li", "tr", "dt", "dd", "caption"]
    private static let spaceTags: Set<String> = ["td", "th"]
    private static let skippedTags: Set<String> = ["script", "style", "head", "template"]

    private static func isASCIILetter(_ c: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(c) || ("A"..."Z").contains(c)
    }

    private static func containsTag(_ s: [Unicode.Scalar]) -> Bool {
        var i = 0
        while i + 1 < s.count {
            if s[i] == "<", isASCIILetter(s[i + 1]) || s[i + 1] == "/" || s[i + 1] == "!" { return true }
            i += 1
        }
        return false
    }

    /// Index of the `>` closing a tag (or comment) that starts at `start`, or nil if this `<` is text.
    private static func tagEnd(_ s: [Unicode.Scalar], from start: Int) -> Int? {
        guard start + 1 < s.count else { return nil }
        let next = s[start + 1]
        if next == "!" {
            if start + 3 < s.count, s[start + 2] == "-", s[start + 3] == "-" {
                var j = start + 4
                while j + 2 < s.count {
                    if s[j] == "-", s[j + 1] == "-", s[j + 2] == ">" { return j + 2 }
                    j += 1
                }
                return s.count - 1
            }
        } else if !(isASCIILetter(next) || next == "/") {
            return nil
        }
        var quote: Unicode.Scalar?
        var j = start + 1
        while j < s.count {
            let c = s[j]
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == ">" {
                return j
            }
            j += 1
        }
        return nil
    }

    /// Applies a tag's effect and returns the index to continue from.
    private static func handleTag(_ s: [Unicode.Scalar], from start: Int, to end: Int, into out: inout Builder) -> Int {
        var j = start + 1
        let closing = j < end && s[j] == "/"
        if closing { j += 1 }
        var name = ""
        while j < end, isASCIILetter(s[j]) || ("0"..."9").contains(s[j]) {
            name.unicodeScalars.append(s[j])
            j += 1
        }
        name = name.lowercased()
        if name == "br" {
            out.lineBreak()
        } else if name == "li" {
            // An item's own paragraphs end with it: the next item follows on the next line.
            if closing { out.endListItem() } else { out.listItem() }
        } else if name == "ul" || name == "ol" {
            if closing {
                _ = out.lists.popLast()
            } else if !(end > start && s[end - 1] == "/") {
                out.lists.append(name == "ol" ? 1 : nil)
            }
            // A list inside an item goes on with the item's lines; a list of its own is a paragraph.
            if out.lists.count > (closing ? 0 : 1) { out.newLine() } else { out.paragraph() }
        } else if paragraphTags.contains(name) {
            out.paragraph()
        } else if lineTags.contains(name) {
            out.newLine()
        } else if spaceTags.contains(name) {
            out.space()
        } else if !closing, skippedTags.contains(name), !(end > start && s[end - 1] == "/") {
            return skipContent(of: name, in: s, after: end)
        }
        return end + 1
    }

    /// Skips to after `</name>` (case-insensitive); to the end when it never closes.
    private static func skipContent(of name: String, in s: [Unicode.Scalar], after end: Int) -> Int {
        let needle = Array(("</" + name).unicodeScalars)
        var j = end + 1
        while j + needle.count <= s.count {
            var matches = true
            for k in 0..<needle.count where String(s[j + k]).lowercased() != String(needle[k]) {
                matches = false
                break
            }
            if matches, let close = tagEnd(s, from: j) { return close + 1 }
            j += 1
        }
        return s.count
    }

    /// Decodes the entity at `start` (`&name;`, `&#NNN;`, `&#xHH;`); nil leaves the `&` as text.
    private static func entity(_ s: [Unicode.Scalar], at start: Int) -> (String, Int)? {
        var j = start + 1
        var name = ""
        while j < s.count, j - start <= 32, s[j] != ";" {
            let c = s[j]
            guard isASCIILetter(c) || ("0"..."9").contains(c) || c == "#" else { return nil }
            name.unicodeScalars.append(c)
            j += 1
        }
        guard j < s.count, s[j] == ";", !name.isEmpty else { return nil }
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let value: UInt32?
            if digits.first == "x" || digits.first == "X" {
                value = UInt32(digits.dropFirst(), radix: 16)
            } else {
                value = UInt32(digits, radix: 10)
            }
            guard let value else { return nil }
            // HTML maps references in 0x80–0x9F to Windows-1252 (&#146; is a right quote), and
            // replaces NUL, surrogates and out-of-range values.
            if let mapped = windows1252[value] { return (String(mapped), j + 1) }
            guard value != 0, let scalar = Unicode.Scalar(value) else { return ("\u{FFFD}", j + 1) }
            return (String(scalar), j + 1)
        }
        guard let decoded = namedEntities[name] else { return nil }
        return (decoded, j + 1)
    }

    private static let windows1252: [UInt32: Character] = [
        0x80: "€", 0x82: "‚", 0x84: "„", 0x85: "…", 0x8A: "Š", 0x8C: "Œ", 0x8E: "Ž",
        0x91: "‘", 0x92: "’", 0x93: "“", 0x94: "”", 0x95: "•", 0x96: "–", 0x97: "—",
        0x99: "™", 0x9A: "š", 0x9C: "œ", 0x9E: "ž", 0x9F: "Ÿ",
    ]

    /// The Latin-1 entity names, in code point order from U+00A0.
    private static let latin1Names = """
        nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 \
        sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc \
        Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve \
        Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute \
        acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde \
        ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml
        """.split(separator: " ")

    static let namedEntities: [String: String] = {
        var table: [String: String] = [
            "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'",
            "ndash": "–", "mdash": "—", "lsquo": "‘", "rsquo": "’", "sbquo": "‚", "ldquo": "“", "rdquo": "”",
            "bdquo": "„", "hellip": "…", "euro": "€", "trade": "™", "bull": "•", "dagger": "†", "Dagger": "‡",
            "permil": "‰", "lsaquo": "‹", "rsaquo": "›", "OElig": "Œ", "oelig": "œ", "Scaron": "Š",
            "scaron": "š", "Zcaron": "Ž", "zcaron": "ž", "Yuml": "Ÿ", "fnof": "ƒ", "circ": "ˆ", "tilde": "˜",
            "ensp": " ", "emsp": " ", "thinsp": " ", "minus": "−", "larr": "←", "rarr": "→", "uarr": "↑",
            "darr": "↓", "harr": "↔", "le": "≤", "ge": "≥", "ne": "≠", "asymp": "≈", "infin": "∞",
            "prime": "′", "Prime": "″", "oline": "‾", "frasl": "⁄",
            // Invisible formatting characters carry nothing for a terminal.
            "zwj": "", "zwnj": "", "lrm": "", "rlm": "",
        ]
        for (offset, name) in latin1Names.enumerated() {
            table[String(name)] = String(Unicode.Scalar(UInt32(0xA0 + offset))!)
        }
        // A soft hyphen is an invisible break opportunity: drop it.
        table["shy"] = ""
        return table
    }()
}
