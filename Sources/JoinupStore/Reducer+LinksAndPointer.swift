import JoinupModel

/// `o` and mouse clicks. Returns nil for every other command (the main reducer handles those).
func handleLinkOrPointer(_ command: Command, in state: inout AppState) -> [Effect]? {
    switch command {
    case .openLink:
        return requestLink(&state)
    case .pointAtItem(let index):
        guard state.focus == .itemList || state.focus == .filters, state.tab == .overview,
              state.overview.openedItem == nil, (0..<state.overview.itemCount).contains(index) else { return [] }
        state.overview.paneFocus = .list
        if index == state.overview.cursor.selection {
            return reduce(&state, .commandIssued(.open))
        }
        // The row was on screen, so it is loaded and no scrolling is needed.
        state.overview.cursor = state.overview.cursor.moved(to: index, count: state.overview.itemCount,
                                                            rows: state.viewport.listRows)
        return []
    case .pointAtFacet(let index):
        let rows = state.overview.facetRows
        guard state.focus == .itemList || state.focus == .filters, state.tab == .overview,
              rows.indices.contains(index), rows[index].isSelectable else { return [] }
        state.overview.paneFocus = .filters
        state.overview.facetCursor = state.overview.facetCursor.moved(to: index, count: rows.count,
                                                                      rows: facetPaneRows(state))
        return reduce(&state, .commandIssued(.toggleFilter))
    case .pointAtMember(let index):
        guard state.focus == .members, state.members.members.indices.contains(index) else { return [] }
        state.members.cursor = state.members.cursor.moved(to: index, count: state.members.members.count,
                                                          rows: state.viewport.memberRows)
        return []
    case .cycleTheme:
        // The terminal app switches themes before commands reach the store; nothing to do here.
        return []
    default:
        return nil
    }
}

/// The opened item's link, or the selected row's (read from the cache first).
private func requestLink(_ state: inout AppState) -> [Effect] {
    guard state.tab == .overview, state.focus == .itemList || state.focus == .itemDetail else {
        state.status = StatusMessage(.error, "o opens the link of an item: select one on the Overview")
        return []
    }
    if let detail = state.overview.openedItem {
        state.pendingLink = detail.item.link
        return []
    }
    guard let row = state.overview.selectedRow, let uri = state.collectionURI else {
        state.status = StatusMessage(.error, "No item selected")
        return []
    }
    return [.findLink(collectionURI: uri, id: row.id)]
}

/// Messages from outside the reducer: status text, a link found, a link handled.
func reduceOutsideMessage(_ state: inout AppState, _ action: Action) -> [Effect] {
    switch action {
    case .statusShown(let message):
        state.status = message
    case .linkFound(let link):
        state.pendingLink = link
    case .linkHandled(let message):
        state.pendingLink = nil
        state.status = message
    default:
        break
    }
    return []
}
