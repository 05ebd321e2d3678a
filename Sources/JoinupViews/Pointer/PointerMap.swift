import JoinupStore

/// One mouse event in screen cells (0-based), as the terminal app decoded it.
public struct MouseEvent: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case click, wheelUp, wheelDown }
    public var kind: Kind
    public var x: Int
    public var y: Int

    public init(_ kind: Kind, x: Int, y: Int) {
        self.kind = kind
        self.x = x
        self.y = y
    }
}

/// Hit-testing: which commands a mouse event issues on a screen of this size showing this state.
/// It uses the same geometry the views draw with (ScreenLayout, TabBar.spans, list tiles).
public enum PointerMap {
    /// Lines one wheel notch scrolls.
    public static let wheelStep = 3

    public static func commands(for event: MouseEvent, state: AppState, width: Int, height: Int) -> [Command] {
        let layout = ScreenLayout(width: width, height: height)
        guard !layout.isTooSmall else { return [] }
        switch event.kind {
        case .wheelUp: return Array(repeating: .moveUp, count: wheelStep)
        case .wheelDown: return Array(repeating: .moveDown, count: wheelStep)
        case .click: return click(x: event.x, y: event.y, state: state, layout: layout).map { [$0] } ?? []
        }
    }

    private static func click(x: Int, y: Int, state: AppState, layout: ScreenLayout) -> Command? {
        // The collections browser on top takes the clicks on its rows.
        if case .picker(let browser) = state.modal {
            return CollectionsBrowserOverlay.command(atX: x, y: y, browser: browser, width: layout.width, height: layout.height)
        }
        // Overlays and the search line take the keys; a click elsewhere would surprise.
        guard state.focus != .help, state.focus != .picker, state.focus != .search else { return nil }
        if layout.tabBar.contains(x: x, y: y) {
            return TabBar.spans(state, in: layout.tabBar).first { $0.1.contains(x) }.map { .showTab($0.0) }
        }
        guard layout.body.contains(x: x, y: y) else { return nil }
        switch state.tab {
        case .overview:
            if layout.facetWidth > 0, x < layout.facetWidth {
                return facetRow(at: y, state: state, rect: layout.facets).map(Command.pointAtFacet)
            }
            guard state.overview.openedItem == nil, x >= layout.list.x else { return nil }
            return itemIndex(at: y, state: state, rect: layout.listContent).map(Command.pointAtItem)
        case .members:
            let row = y - layout.membersContent.y - 2
            let index = state.members.cursor.scrollTop + row
            guard row >= 0, state.members.members.indices.contains(index) else { return nil }
            return .pointAtMember(index)
        case .about:
            return nil
        }
    }

    /// The filter pane row at screen line `y`, scrolled as FacetList draws it.
    private static func facetRow(at y: Int, state: AppState, rect: Rect) -> Int? {
        let rows = state.overview.facetRows
        let (top, visible) = FacetList.window(count: rows.count, cursor: state.overview.facetCursor, height: rect.height)
        let line = y - rect.y
        guard line >= 0, line < visible, rows.indices.contains(top + line) else { return nil }
        return top + line
    }

    /// The item whose two-line tile covers screen line `y` (line 0 of the list holds the counts).
    private static func itemIndex(at y: Int, state: AppState, rect: Rect) -> Int? {
        let line = y - rect.y - 1
        guard line >= 0 else { return nil }
        let slot = line / ItemList.linesPerItem
        let index = state.overview.cursor.scrollTop + slot
        guard slot < ItemList.visibleItems(height: rect.height), index < state.overview.itemCount else { return nil }
        return index
    }
}

extension Rect {
    /// Whether the cell at (x, y) is inside.
    func contains(x: Int, y: Int) -> Bool {
        x >= self.x && x < maxX && y >= self.y && y < maxY
    }
}
