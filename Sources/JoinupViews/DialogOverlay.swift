import JoinupModel
import JoinupStore

/// The confirmations: a centred box with the question (Joinup's, for join/leave), how to sign
/// in when signed out, and the keys (from the key map).
enum DialogOverlay {
    static func render(_ dialog: MembershipDialog, keyMap: KeyMap, on surface: inout some Surface) {
        render(title: dialog.request.kind == .join ? " Join " : " Leave ",
               paragraphs: [TerminalText.line(dialog.question)] + (dialog.signInNote.map { [$0] } ?? []),
               keyMap: keyMap, on: &surface)
    }

    /// `A`'s "mark all read" question.
    static func render(_ dialog: MarkAllReadDialog, keyMap: KeyMap, on surface: inout some Surface) {
        render(title: " Mark read ", paragraphs: [dialog.question], keyMap: keyMap, on: &surface)
    }

    private static func render(title: String, paragraphs: [String], keyMap: KeyMap, on surface: inout some Surface) {
        let room = surface.bounds.inset(left: 2, top: 1, right: 2, bottom: 1)
        let width = min(room.width, 64)
        guard width >= 12 else { return }
        let textWidth = width - 4
        var lines: [String] = []
        for (index, paragraph) in paragraphs.enumerated() {
            if index > 0 { lines.append("") }
            lines += TextWidth.wrap(paragraph, width: textWidth)
        }
        lines.append("")
        let keys = keyMap.hints(for: .dialog)
        let height = min(room.height, lines.count + 3)
        guard height >= 3 else { return }
        let box = Rect(x: room.x + (room.width - width) / 2, y: room.y + (room.height - height) / 2,
                       width: width, height: height)
        surface.fill(box, style: .dialog)
        BoxFrame.draw(box, title: title, on: &surface)
        let inner = box.inset(left: 2, top: 1, right: 2, bottom: 1)
        for (row, line) in lines.prefix(max(0, inner.height - 1)).enumerated() {
            surface.put(line, x: inner.x, in: inner, row: row, style: .dialog)
        }
        surface.put(TextWidth.truncate(keys, to: inner.width), x: inner.x, in: inner, row: inner.height - 1, style: .helpKey)
    }
}
