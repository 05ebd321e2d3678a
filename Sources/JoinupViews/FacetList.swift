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

    /// The first row shown and how many rows show, as `render` scrolls them (hit-testing uses it too).
    static func window(count: Int, cursor: ListCursor, height: Int) -> (top: Int, visible: Int) {
        let top = min(cursor.scrollTop, max(0, count - height))
        return (top, count - top > height ? height - 1 : height)
    }

    /// Facet rows with the cursor's row highlighted when `focused` (the Overview's filters, the
    /// collections browser's topics).
    static func render(_ rows: [FacetRow], cursor: ListCursor, focused: Bool, in rect: Rect, on surface: inout some Surface) {
        guard !rect.isEmpty else { return }
        // Scrolled to keep the cursor in view; the last line says what is below when it doesn't fit.
        let (top, visible) = window(count: rows.count, cursor: cursor, height: rect.height)
        let more = visible < rect.height
        for line in 0..<max(0, visible) {
            let index = top + line
            guard index < rows.count else { break }
            let highlighted = focused && index == cursor.selection
            let row = Rect(x: rect.x, y: rect.y + line, width: rect.width, height: 1)
            if highlighted { surface.fill(row, style: .selectedRow) }
            draw(rows[index], highlighted: highlighted, in: row, on: &surface)
        }
        if more {
            surface.put("↓ \(rows.count - top - visible) more", x: rect.x + 3, in: rect, row: rect.height - 1, style: .dim)
        }
    }

    private static func draw(_ row: FacetRow, highlighted: Bool, in line: Rect, on surface: inout some Surface) {
        func style(_ normal: Style) -> Style { highlighted ? .selectedRow : normal }
        let content = line.inset(left: 0, right: 1)
        switch row {
        case .heading(let title):
            surface.put(title, x: content.x + 1, in: content, row: 0, style: style(.detailLabel))
        case .kind(let kind, let count, let selected):
            label(kind.label, count: count, selected: selected, marker: " ", indent: 0, highlighted: highlighted,
                  in: content, on: &surface)
        case .eventTiming(let timing, let selected):
            label(timing == .upcoming ? "Upcoming" : "Past", count: nil, selected: selected, marker: " ", indent: 2,
                  highlighted: highlighted, in: content, on: &surface)
        case .topic(let facet, let selected):
            label(facet.topic.label, count: facet.count, selected: selected,
                  marker: facet.topic.isCategory ? categoryMarker : " ", indent: 0, highlighted: highlighted,
                  in: content, on: &surface)
        case .unread(let count, let selected):
            label("Unread", count: count, selected: selected, marker: " ", indent: 0, highlighted: highlighted,
                  in: content, on: &surface)
        }
    }

    /// "✓▸ ICT (8)": selection mark, category mark, label cut to fit, count.
    private static func label(_ text: String, count: Int?, selected: Bool, marker: String, indent: Int,
                              highlighted: Bool, in content: Rect, on surface: inout some Surface) {
        func style(_ normal: Style) -> Style { highlighted ? .selectedRow : normal }
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
