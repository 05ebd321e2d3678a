import JoinupModel
import JoinupStore

/// The collections picker: a centred box listing every cached collection, the open one marked.
enum CollectionPickerOverlay {
    static let title = " Collections — Enter open, Esc close "

    static func render(_ picker: CollectionPicker, openURI: String?, on surface: inout some Surface) {
        let room = surface.bounds.inset(left: 1, top: 1, right: 1, bottom: 1)
        let collections = picker.collections ?? []
        let counts = collections.map { "\($0.itemCount) \($0.itemCount == 1 ? "item" : "items")" }
        let countWidth = counts.map(TextWidth.width).max() ?? 0
        let titleWidth = collections.map { TextWidth.width($0.title) }.max() ?? 0
        let wanted = max(TextWidth.width(title) + 4, 2 + 2 + titleWidth + 2 + countWidth + 2)
        let width = min(room.width, wanted)
        let height = min(room.height, max(1, collections.count) + 2)
        guard width >= 4, height >= 3 else { return }
        let box = Rect(x: room.x + (room.width - width) / 2, y: room.y + (room.height - height) / 2,
                       width: width, height: height)
        BoxFrame.draw(box, title: title, on: &surface)
        let inner = box.inset(left: 1, top: 1, right: 1, bottom: 1)
        guard picker.collections != nil else {
            surface.put("Loading…", x: inner.x + 1, in: inner, row: 0, style: .dim)
            return
        }
        guard !collections.isEmpty else {
            surface.put("No collections cached.", x: inner.x + 1, in: inner, row: 0, style: .dim)
            return
        }
        // Scrolled just enough to keep the selection in view.
        let visible = inner.height
        let top = min(max(0, picker.cursor.selection - visible + 1), max(0, collections.count - visible))
        for row in 0..<visible {
            let index = top + row
            guard index < collections.count else { break }
            let collection = collections[index]
            let selected = index == picker.cursor.selection
            let line = inner.row(row)
            if selected { surface.fill(line, style: .selectedRow) }
            let style: Style = selected ? .selectedRow : .help
            let marker = collection.uri == openURI ? "•" : " "
            let count = counts[index]
            let titleRoom = max(0, line.width - 2 - 2 - TextWidth.width(count) - 1)
            surface.put(marker, x: line.x + 1, in: line, row: 0, style: style)
            surface.put(TextWidth.truncate(TerminalText.line(collection.title), to: titleRoom), x: line.x + 3, in: line,
                        row: 0, style: style)
            surface.put(count, x: line.maxX - 1 - TextWidth.width(count), in: line, row: 0, style: selected ? style : .dim)
        }
    }
}
