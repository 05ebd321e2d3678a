import JoinupStore

/// The Overview tab: topic facets on the left; the content list, or the opened item, on the right.
enum OverviewPane {
    static func render(_ state: AppState, layout: ScreenLayout, on surface: inout some Surface) {
        if layout.facetWidth > 0 {
            FacetList.render(state, in: layout.facets, on: &surface)
            for y in layout.body.y..<layout.body.maxY {
                surface.put("│", x: layout.facetWidth, y: y, style: .border)
            }
        }
        if let detail = state.overview.openedItem {
            ItemDetailPane.render(detail, scroll: state.overview.detailScroll, zone: state.timeZone, in: layout.listContent,
                                  on: &surface)
        } else {
            ItemList.render(state, in: layout.listContent, on: &surface)
        }
    }
}
