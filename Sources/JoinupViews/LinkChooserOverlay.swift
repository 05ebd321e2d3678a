import JoinupModel
import JoinupStore

/// The About tab's link chooser: a centred box listing "1  RSS feed  https://…", the cursor's
/// row highlighted, and the keys. A URL too long for the box is shortened with "…" (what opens
/// is the whole link from the state).
enum LinkChooserOverlay {
    static func render(_ chooser: LinkChooser, keyMap: KeyMap, on surface: inout some Surface) {
        let room = surface.bounds.inset(left: 2, top: 1, right: 2, bottom: 1)
        let labelWidth = chooser.links.map { TextWidth.width($0.label) }.max() ?? 0
        let urlWidth = chooser.links.map { TextWidth.width($0.url) }.max() ?? 0
        let width = min(room.width, 4 + 3 + labelWidth + 2 + urlWidth + 2)
        let height = min(room.height, chooser.links.count + 4)
        guard width >= 16, height >= 4 else { return }
        let box = Rect(x: room.x + (room.width - width) / 2, y: room.y + (room.height - height) / 2,
                       width: width, height: height)
        BoxFrame.draw(box, title: " Links ", on: &surface)
        let inner = box.inset(left: 2, top: 1, right: 2, bottom: 1)
        let rows = max(0, inner.height - 2)
        // Keep the cursor's row in view when the screen is too short for every link.
        let top = max(0, min(chooser.selection - rows + 1, chooser.links.count - rows))
        let shownLabelWidth = min(labelWidth, max(0, inner.width / 3))
        for (row, index) in (top..<min(chooser.links.count, top + rows)).enumerated() {
            let link = chooser.links[index]
            let selected = index == chooser.selection
            let line = Rect(x: inner.x, y: inner.y + row, width: inner.width, height: 1)
            if selected { surface.fill(line, style: .selectedRow) }
            var x = surface.put(index < 9 ? "\(index + 1)" : " ", x: line.x, in: line, row: 0,
                                style: selected ? .selectedRow : .helpKey) + 2
            x = surface.put(TextWidth.pad(link.label, to: shownLabelWidth), x: x, in: line, row: 0,
                            style: selected ? .selectedRow : .help) + 2
            surface.put(TextWidth.truncate(link.url, to: max(0, line.maxX - x)), x: x, in: line, row: 0,
                        style: selected ? .selectedRow : .link)
        }
        let keys = keyMap.hints(for: .linkChooser)
        surface.put(TextWidth.truncate(keys, to: inner.width), x: inner.x, in: inner, row: inner.height - 1, style: .helpKey)
    }
}
