import JoinupModel
import JoinupStore

/// The topic facets: every topic with its count, in the order given; categories marked "▸".
enum FacetList {
    /// Marks a category; terms get the same width of blank so labels line up.
    static let categoryMarker = "▸ "

    static func render(_ state: AppState, in rect: Rect, on surface: inout some Surface) {
        guard !rect.isEmpty else { return }
        let content = rect.inset(left: 1, right: 1)
        surface.put("Topics", x: content.x, in: content, row: 0, style: .detailLabel)
        let facets = state.overview.facets
        let rows = content.height - 1
        guard rows > 0 else { return }
        // When the facets don't fit, the last row says how many more there are.
        let shown = facets.count > rows ? rows - 1 : facets.count
        for (index, facet) in facets.prefix(shown).enumerated() {
            let row = index + 1
            let selected = state.overview.filter.topicURIs.contains(facet.topic.uri)
            let marker = facet.topic.isCategory ? categoryMarker : "  "
            let count = " (\(facet.count))"
            let labelWidth = content.width - TextWidth.width(marker) - TextWidth.width(count)
            var x = surface.put(marker, x: content.x, in: content, row: row, style: .categoryMarker)
            guard labelWidth > 0 else { continue }
            x = surface.put(TextWidth.truncate(TerminalText.line(facet.topic.label), to: labelWidth),
                            x: x, in: content, row: row, style: selected ? .selectedRow : .facetLabel)
            surface.put(count, x: x, in: content, row: row, style: .facetCount)
        }
        if shown < facets.count {
            surface.put("+\(facets.count - shown) more", x: content.x + 2, in: content, row: rows, style: .dim)
        }
    }
}
