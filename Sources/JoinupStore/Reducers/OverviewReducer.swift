import JoinupModel

/// The Overview tab: the content list, the filter pane beside it and the opened item.
enum OverviewReducer {
    static func reduce(_ state: inout OverviewState, _ action: Action, _ context: inout ReducerContext) -> [Effect] {
        switch action {
        case .viewRestored(let filter, let sort):
            if let filter {
                state.filter = filter
                state.query = nil
            }
            if let sort { state.sort = sort }
            return reload(&state, context, save: false)
        case .overviewLoaded(let revision, let facets, let kindCounts, let itemCount, let window):
            guard revision == state.revision else { return [] }
            state.facets = facets
            state.kindCounts = kindCounts
            for facet in facets { state.knownTopics[facet.topic.uri] = facet.topic }
            state.itemCount = itemCount
            state.window = window
            state.cursor = state.cursor.moved(to: state.cursor.selection, count: itemCount, rows: context.viewport.listRows)
            clampFacetCursor(&state, context)
            if context.status?.kind == .busy && !context.isSyncing { context.status = nil }
            return windowEffects(for: state, context)
        case .eventTimingCounted(let revision, let counts):
            guard revision == state.revision else { return [] }
            state.eventTimingCounts = counts
            return []
        case .itemWindowLoaded(let revision, let window):
            guard revision == state.revision else { return [] }
            state.window = window
            return []
        case .itemLoaded(let detail):
            state.openedItem = detail
            state.detailScroll = 0
            return []
        case .viewportChanged(let viewport):
            state.cursor = state.cursor.moved(to: state.cursor.selection, count: state.itemCount, rows: viewport.listRows)
            state.detailScroll = min(state.detailScroll, viewport.detailMaxScroll)
            clampFacetCursor(&state, context)
            return windowEffects(for: state, context)
        case .cacheChanged:
            return reload(&state, context, save: false, resetCursor: false)
        default:
            return []
        }
    }

    /// A command while the Overview has the keys: the opened item's, the filter pane's or the list's.
    static func command(_ command: Command, _ state: inout OverviewState, _ context: inout ReducerContext) -> [Effect] {
        switch command {
        case .cycleSort:
            state.sort = state.sort.next
            context.status = StatusMessage(.info, "Sorted \(state.sort.label)")
            return reload(&state, context)
        case .pointAtItem(let index):
            guard state.openedItem == nil, (0..<state.itemCount).contains(index) else { return [] }
            state.paneFocus = .list
            if index == state.cursor.selection { return list(.open, &state, context) }
            // The row was on screen, so it is loaded and no scrolling is needed.
            state.cursor = state.cursor.moved(to: index, count: state.itemCount, rows: context.viewport.listRows)
            return []
        case .pointAtFacet(let index):
            let rows = state.facetRows
            guard state.openedItem == nil, rows.indices.contains(index), rows[index].isSelectable else { return [] }
            state.paneFocus = .filters
            state.facetCursor = state.facetCursor.moved(to: index, count: rows.count, rows: facetPaneRows(context))
            return filters(.toggleFilter, &state, context)
        default:
            break
        }
        if state.openedItem != nil { return detail(command, &state, context) }
        switch state.paneFocus {
        case .list: return list(command, &state, context)
        case .filters: return filters(command, &state, context)
        }
    }

    /// Sets the filter the search line built; reloads when it changed.
    static func setFilter(_ filter: ItemFilter, _ state: inout OverviewState, _ context: ReducerContext) -> [Effect] {
        guard filter != state.filter else { return [] }
        state.filter = filter
        return reload(&state, context, save: false)
    }

    /// `x`: no filter at all.
    static func clearFilters(_ state: inout OverviewState, _ context: inout ReducerContext) -> [Effect] {
        guard !state.filter.isEmpty else { return [] }
        state.filter = .none
        state.query = nil
        return reload(&state, context)
    }

    /// Backspace in the list: the filter line's last chip goes, the others stay.
    static func removeLastFilter(_ state: inout OverviewState, _ context: inout ReducerContext) -> [Effect] {
        guard !state.filter.isEmpty, state.openedItem == nil, state.paneFocus == .list else { return [] }
        state.filter = state.filter.removingLastPart()
        state.query = nil
        return reload(&state, context)
    }

    /// Remember the filter and sort for the next start.
    static func saveView(_ state: OverviewState, _ context: ReducerContext) -> [Effect] {
        guard let uri = context.collectionURI else { return [] }
        return [.saveView(uri: uri, filter: state.filter, sort: state.sort)]
    }

    private static func list(_ command: Command, _ state: inout OverviewState, _ context: ReducerContext) -> [Effect] {
        switch command {
        case .open:
            guard let row = state.selectedRow, let uri = context.collectionURI else { return [] }
            return [.loadItem(collectionURI: uri, id: row.id)]
        case .focusFilters:
            state.paneFocus = .filters
            clampFacetCursor(&state, context)
            return []
        default:
            let rows = context.viewport.listRows
            guard let target = target(of: command, from: state.cursor.selection, count: state.itemCount, page: rows)
            else { return [] }
            state.cursor = state.cursor.moved(to: target, count: state.itemCount, rows: rows)
            return windowEffects(for: state, context)
        }
    }

    private static func detail(_ command: Command, _ state: inout OverviewState, _ context: ReducerContext) -> [Effect] {
        switch command {
        case .back:
            state.openedItem = nil
            state.detailScroll = 0
            return []
        case .nextItem, .previousItem:
            return openNeighbour(command == .nextItem ? 1 : -1, &state, context)
        default:
            break
        }
        if let target = scrollTarget(of: command, from: state.detailScroll, max: context.viewport.detailMaxScroll,
                                     page: context.viewport.listRows) {
            state.detailScroll = target
        }
        return []
    }

    /// `]`/`[` in the reader: the list's cursor moves one row and the item there opens (the
    /// reader stays up meanwhile; `.itemLoaded` replaces it). At either end nothing moves.
    private static func openNeighbour(_ step: Int, _ state: inout OverviewState, _ context: ReducerContext) -> [Effect] {
        let index = state.cursor.selection + step
        guard let uri = context.collectionURI, let row = state.window.row(at: index) else { return [] }
        state.cursor = state.cursor.moved(to: index, count: state.itemCount, rows: context.viewport.listRows)
        return [.loadItem(collectionURI: uri, id: row.id)] + windowEffects(for: state, context)
    }

    /// Keys in the filter pane: move over selectable rows, Space/Enter toggles, → goes back to the list.
    private static func filters(_ command: Command, _ state: inout OverviewState, _ context: ReducerContext) -> [Effect] {
        let rows = state.facetRows
        switch command {
        case .focusList, .back:
            state.paneFocus = .list
            return []
        case .toggleFilter, .open:
            guard rows.indices.contains(state.facetCursor.selection) else { return [] }
            switch rows[state.facetCursor.selection] {
            case .heading:
                return []
            case .kind(let kind, _, _):
                state.filter.kinds.formSymmetricDifference([kind])
                if !state.filter.kinds.contains(.event) { state.filter.eventTiming = nil }
            case .eventTiming(let timing, _, let selected):
                state.filter.eventTiming = selected ? nil : timing
            case .topic(let facet, _):
                state.filter.topicURIs.formSymmetricDifference([facet.topic.uri])
            case .unread(_, let selected):
                state.filter.readState = selected ? nil : .unread
            }
            state.query = nil
            return reload(&state, context)
        default:
            let cursor = state.facetCursor
            guard let wanted = target(of: command, from: cursor.selection, count: rows.count,
                                      page: facetPaneRows(context)) else { return [] }
            // Headings never hold the cursor: step past them in the direction of travel, or the
            // other way at either end of the pane.
            let step = wanted < cursor.selection ? -1 : 1
            let start = min(max(0, wanted), max(0, rows.count - 1))
            let index = selectable(from: start, step: step, in: rows)
                ?? selectable(from: start, step: -step, in: rows) ?? cursor.selection
            state.facetCursor = revealingHeading(cursor.moved(to: index, count: rows.count, rows: facetPaneRows(context)),
                                                 rows: rows, paneRows: facetPaneRows(context))
            return []
        }
    }

    /// A new revision of the Overview for the current filter and sort: counts, facets, first rows.
    static func reload(_ state: inout OverviewState, _ context: ReducerContext, save: Bool = true,
                       resetCursor: Bool = true) -> [Effect] {
        guard let uri = context.collectionURI else { return [] }
        state.revision += 1
        if resetCursor { state.cursor = ListCursor() }
        var effects: [Effect] = [.loadOverview(uri: uri, filter: state.filter, sort: state.sort, revision: state.revision,
                                               windowSize: itemWindowSize)]
        if save { effects += saveView(state, context) }
        return effects
    }

    /// Puts the list's cursor on `index` (`n`/`N`), loading rows there when needed.
    static func moveCursor(to index: Int, _ state: inout OverviewState, _ context: ReducerContext) -> [Effect] {
        state.cursor = state.cursor.moved(to: index, count: state.itemCount, rows: context.viewport.listRows)
        return windowEffects(for: state, context)
    }

    /// Asks for a new window of rows when the visible part of the list is not loaded.
    private static func windowEffects(for state: OverviewState, _ context: ReducerContext) -> [Effect] {
        guard let uri = context.collectionURI, state.itemCount > 0 else { return [] }
        let listRows = context.viewport.listRows
        let top = state.cursor.scrollTop
        let last = min(state.itemCount, top + max(1, listRows)) - 1
        if state.window.contains(top) && state.window.contains(last) { return [] }
        let offset = max(0, top - (itemWindowSize - listRows) / 2)
        return [.loadItemWindow(collectionURI: uri, filter: state.filter, sort: state.sort,
                                revision: state.revision, offset: offset, limit: itemWindowSize)]
    }

    /// Rows the filter pane shows at once, as the view measured them.
    private static func facetPaneRows(_ context: ReducerContext) -> Int {
        max(1, context.viewport.facetRows)
    }

    /// Keeps the filter pane's cursor on a selectable row after its rows changed.
    private static func clampFacetCursor(_ state: inout OverviewState, _ context: ReducerContext) {
        let rows = state.facetRows
        var index = min(state.facetCursor.selection, max(0, rows.count - 1))
        if rows.indices.contains(index) && !rows[index].isSelectable { index += 1 }
        if !rows.indices.contains(index) || !rows[index].isSelectable { index = rows.firstIndex(where: \.isSelectable) ?? 0 }
        state.facetCursor = revealingHeading(state.facetCursor.moved(to: index, count: rows.count, rows: facetPaneRows(context)),
                                             rows: rows, paneRows: facetPaneRows(context))
    }

    /// Scrolled up just enough to show the headings right above the cursor ("Type" above the
    /// first type) when they fit with it: headings never hold the cursor, so moving to the
    /// first row under one would otherwise leave it scrolled off.
    static func revealingHeading(_ cursor: ListCursor, rows: [FacetRow], paneRows: Int) -> ListCursor {
        var top = cursor.selection
        while top > 0, rows.indices.contains(top - 1), !rows[top - 1].isSelectable { top -= 1 }
        guard top < cursor.scrollTop, cursor.selection - top < max(1, paneRows) else { return cursor }
        return ListCursor(selection: cursor.selection, scrollTop: top)
    }

    /// The first selectable row from `start` going by `step`, if any.
    private static func selectable(from start: Int, step: Int, in rows: [FacetRow]) -> Int? {
        var index = start
        while rows.indices.contains(index) {
            if rows[index].isSelectable { return index }
            index += step
        }
        return nil
    }
}
