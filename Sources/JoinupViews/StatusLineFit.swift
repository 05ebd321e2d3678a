import JoinupModel
import JoinupStore

/// How the status line shares its row between the key hints and the message: pure text
/// measurements, drawn by `StatusLine`.
enum StatusLineFit {
    /// The hints shown beside a right-hand text `rightWidth` wide, joined: whole hints in table
    /// order, and `essential` (the help hint) always — last when the ones after it are dropped.
    /// The right-hand text takes the room the hints leave, but the hints keep a third of the line.
    static func hints(_ hints: [String], essential: String?, rightWidth: Int, width: Int) -> String {
        let budget = rightWidth > 0 ? max(width - rightWidth - 2, width / 3) : width
        var kept: [String] = []
        var essentialKept = essential == nil
        for hint in hints {
            if hint == essential {
                kept.append(hint)
                essentialKept = true
                continue
            }
            // Room stays for the help hint until it is placed. Whole hints only (a cut "Enter ope…"
            // helps nobody), and none after the first that does not fit, so the order never changes.
            let reserve = essentialKept ? 0 : TextWidth.width(essential ?? "") + 2
            guard TextWidth.width((kept + [hint]).joined(separator: "  ")) + reserve <= budget else { break }
            kept.append(hint)
        }
        if !essentialKept, let essential { kept.append(essential) }
        return kept.joined(separator: "  ")
    }

    /// The message as it fits in `width` columns: whole if it fits; else with its subject (a
    /// title) shortened so the outcome after it stays visible; else cut, ending "… (M: more)".
    /// `more` is the key that opens the message log ("M").
    static func message(_ message: StatusMessage, more: String, width: Int) -> String {
        let text = TerminalText.line(message.text)
        guard TextWidth.width(text) > width else { return text }
        let moreTail = " (\(more): more)"
        if let subject = message.subject.map({ TerminalText.line($0) }), !subject.isEmpty,
           let range = text.range(of: subject) {
            let prefix = text[..<range.lowerBound], suffix = text[range.upperBound...]
            let fixed = TextWidth.width(prefix) + TextWidth.width(suffix)
            // The "(M: more)" tail only when the title keeps a few words beside it.
            for tail in [moreTail, ""] where width - fixed - TextWidth.width(tail) >= minimumSubjectWidth {
                let shortened = TextWidth.truncate(subject, to: width - fixed - TextWidth.width(tail))
                return prefix + shortened + suffix + tail
            }
        }
        guard width > TextWidth.width(moreTail) + minimumSubjectWidth else { return TextWidth.truncate(text, to: width) }
        return TextWidth.truncate(text, to: width - TextWidth.width(moreTail)) + moreTail
    }

    /// A title shortened below this many columns says nothing; the message is cut at its end instead.
    static let minimumSubjectWidth = 8
}
