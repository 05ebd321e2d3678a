import JoinupModel
import JoinupStore

/// The Overview's filter pane: content types (with Upcoming/Past under a selected Event), then
/// topics with their counts in Joinup's order. Categories are marked "▸", selections "✓".
enum FacetList {
    /// Marks a category; terms get the same width of blank so labels line up.
    static let categoryMarker = "▸"
    static let selectedMarker = "✓"

    static func render(_ state: AppState, in rect: Rect, on surface: inout some Surface) {
        render(state.overview.facetRows, cursor: state.overview.facetCursor, focused: state.focus == .filters,
               in: rect, on: &surface)
    }

    /// What a scrolled pane shows: rows `top..<top + visible`, from screen line `firstLine`
    /// (1 when "↑ N more" takes the first line), and how many rows are hidden above and below.
    struct Window: Hashable {
        var top: Int
        var visible: Int
        var firstLine: Int
        var above: Int { top }
        var below: Int
        /// The row index drawn on screen line `line`, if any.
        func row(onLine line: Int) -> Int? {
            let index = top + line - firstLine
            return line >= firstLine && index < top + visible ? index : nil
        }
    }

    /// The rows `render` shows (hit-testing uses it too): scrolled from the cursor's `scrollTop`
    /// but always keeping the cursor's row between the "↑ more" and "↓ more" lines, whatever
    /// the height (a resize may leave the reducer's scroll behind).
    static func window(count: Int, cursor: ListCursor, height: Int) -> Window {
        guard count > height, height > 2 else {
            return Window(top: 0, visible: min(count, max(0, height)), firstLine: 0, below: max(0, count - max(0, height)))
        }
        // Scrolled to the end, the last rows fill every line but the "↑ more" one.
        let lastTop = count - (height - 1)
        var top = min(max(0, cursor.scrollTop), lastTop)
        // Settles in a few rounds: each round only moves `top` towards the cursor.
        for _ in 0..<4 {
            let firstLine = top > 0 ? 1 : 0
            var visible = min(height - firstLine, count - top)
            if top + visible < count { visible -= 1 }
            if cursor.selection < top {
                top = max(0, cursor.selection)
            } else if cursor.selection >= top + visible {
                top = min(lastTop, top + cursor.selection - (top + visible) + 1)
            } else {
                return Window(top: top, visible: visible, firstLine: firstLine, below: count - top - visible)
            }
        }
        let firstLine = top > 0 ? 1 : 0
        let visible = min(count - top, height - firstLine - 1)
        return Window(top: top, visible: visible, firstLine: firstLine, below: count - top - visible)
    }

    /// Facet rows with the cursor's row highlighted, brightly when `focused` (the Overview's
    /// filters, the collections browser's topics).
    static func render(_ rows: [FacetRow], cursor: ListCursor, focused: Bool, in rect: Rect, on surface: inout some Surface) {
        guard !rect.isEmpty else { return }
        // Scrolled to keep the cursor in view; the first and last lines say what is above and below.
        let shown = window(count: rows.count, cursor: cursor, height: rect.height)
        if shown.above > 0 {
            surface.put("↑ \(shown.above) more", x: rect.x + 3, in: rect, row: 0, style: .dim)
        }
        for offset in 0..<shown.visible {
            let index = shown.top + offset
            // The cursor stays visible without the keys, in the muted colours of an unfocused pane.
            let cursorStyle: Style? = index == cursor.selection && rows[index].isSelectable ? .cursor(focused: focused) : nil
            let row = Rect(x: rect.x, y: rect.y + shown.firstLine + offset, width: rect.width, height: 1)
            if let cursorStyle { surface.fill(row, style: cursorStyle) }
            draw(rows[index], cursor: cursorStyle, in: row, on: &surface)
        }
        if shown.below > 0 {
            surface.put("↓ \(shown.below) more", x: rect.x + 3, in: rect, row: rect.height - 1, style: .dim)
        }
    }

    private static func draw(_ row: FacetRow, cursor: Style?, in line: Rect, on surface: inout some Surface) {
        func style(_ normal: Style) -> Style { cursor ?? normal }
        let content = line.inset(left: 0, right: 1)
        switch row {
        case .heading(let title):
            surface.put(title, x: content.x + 1, in: content, row: 0, style: style(.detailLabel))
        case .kind(let kind, let count, let selected):
            label(kind.label, count: count, selected: selected, marker: " ", indent: 0, cursor: cursor,
                  in: content, on: &surface)
        case .eventTiming(let timing, let count, let selected):
            label(timing == .upcoming ? "Upcoming" : "Past", count: count, selected: selected, marker: " ", indent: 2,
                  cursor: cursor, in: content, on: &surface)
        case .topic(let facet, let selected):
            label(facet.topic.label, count: facet.count, selected: selected,
                  marker: facet.topic.isCategory ? categoryMarker : " ", indent: 0, cursor: cursor,
                  in: content, on: &surface)
        case .unread(let count, let selected):
            label("Unread", count: count, selected: selected, marker: " ", indent: 0, cursor: cursor,
                  in: content, on: &surface)
        }
    }

    /// "✓▸ ICT (8)": selection mark, category mark, label cut to fit, count.
    private static func label(_ text: String, count: Int?, selected: Bool, marker: String, indent: Int,
                              cursor: Style?, in content: Rect, on surface: inout some Surface) {
        func style(_ normal: Style) -> Style { cursor ?? normal }
        var x = surface.put(selected ? selectedMarker : " ", x: content.x, in: content, row: 0, style: style(.categoryMarker))
        x = surface.put(marker, x: x, in: content, row: 0, style: style(.categoryMarker)) + 1 + indent
        let countText = count.map { " (\($0))" } ?? ""
        let labelWidth = content.maxX - x - TextWidth.width(countText)
        guard labelWidth > 0 else { return }
        x = surface.put(TextWidth.truncate(TerminalText.line(text), to: labelWidth), x: x, in: content, row: 0,
                        style: style(selected ? .detailTitle : .facetLabel))
        surface.put(countText, x: x, in: content, row: 0, style: style(.facetCount))
    }
}
