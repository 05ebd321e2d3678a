import JoinupModel
import JoinupStore

/// The join/leave confirmation: a centred box with Joinup's question, how to sign in when
/// signed out, and the keys (from the key map).
enum DialogOverlay {
    static func render(_ dialog: MembershipDialog, keyMap: KeyMap, on surface: inout some Surface) {
        let room = surface.bounds.inset(left: 2, top: 1, right: 2, bottom: 1)
        let width = min(room.width, 64)
        guard width >= 12 else { return }
        let textWidth = width - 4
        var lines = TextWidth.wrap(TerminalText.line(dialog.question), width: textWidth)
        if let note = dialog.signInNote {
            lines.append("")
            lines += TextWidth.wrap(note, width: textWidth)
        }
        lines.append("")
        let keys = keyMap.hints(for: .dialog)
        let height = min(room.height, lines.count + 3)
        guard height >= 3 else { return }
        let box = Rect(x: room.x + (room.width - width) / 2, y: room.y + (room.height - height) / 2,
                       width: width, height: height)
        surface.fill(box, style: .dialog)
        let title = dialog.request.kind == .join ? " Join " : " Leave "
        BoxFrame.draw(box, title: title, on: &surface)
        let inner = box.inset(left: 2, top: 1, right: 2, bottom: 1)
        for (row, line) in lines.prefix(max(0, inner.height - 1)).enumerated() {
            surface.put(line, x: inner.x, in: inner, row: row, style: .dialog)
        }
        surface.put(TextWidth.truncate(keys, to: inner.width), x: inner.x, in: inner, row: inner.height - 1, style: .helpKey)
    }
}
