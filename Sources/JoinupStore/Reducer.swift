import JoinupModel

/// How many list rows one window load fetches: a few screens, so scrolling rarely waits.
public let itemWindowSize = 120

/// The browser's logic: applies an action to the state and says what work to do next.
/// Pure: no I/O, no clock, no terminal.
public func reduce(_ state: inout AppState, _ action: Action) -> [Effect] {
    switch action {
    case .started(let uri):
        state.collectionURI = uri
        state.status = StatusMessage(.busy, "Loading…")
        return [.loadCollection(uri: uri, filter: state.overview.filter, windowSize: itemWindowSize), .observeCache]

    case .collectionLoaded(let header, let about, let aboutTopics, let members):
        state.header = header
        state.about = about
        state.aboutTopics = aboutTopics
        state.members.members = members
        state.members.cursor = state.members.cursor.moved(
            to: state.members.cursor.selection, count: members.count, rows: state.viewport.memberRows)
        return []

    case .overviewLoaded(let facets, let itemCount, let window):
        state.overview.facets = facets
        state.overview.itemCount = itemCount
        state.overview.window = window
        state.overview.cursor = state.overview.cursor.moved(
            to: state.overview.cursor.selection, count: itemCount, rows: state.viewport.listRows)
        if state.status?.kind == .busy { state.status = nil }
        return windowEffects(for: state)

    case .itemWindowLoaded(let window):
        state.overview.window = window
        return []

    case .itemLoaded(let detail):
        state.overview.openedItem = detail
        state.overview.detailScroll = 0
        return []

    case .loadFailed(let message):
        state.status = StatusMessage(.error, message)
        return []

    case .viewportChanged(let viewport):
        state.viewport = viewport
        let overview = state.overview
        state.overview.cursor = overview.cursor.moved(to: overview.cursor.selection, count: overview.itemCount, rows: viewport.listRows)
        state.overview.detailScroll = min(overview.detailScroll, viewport.detailMaxScroll)
        state.members.cursor = state.members.cursor.moved(
            to: state.members.cursor.selection, count: state.members.members.count, rows: viewport.memberRows)
        state.aboutScroll = min(state.aboutScroll, viewport.aboutMaxScroll)
        return windowEffects(for: state)

    case .commandIssued(let command):
        return handle(command, in: &state)

    case .syncProgressed(let progress):
        guard state.isSyncing else { return [] }
        let what = progress.alias ?? "the collection directory"
        let items = progress.itemsSoFar > 0 ? " · \(progress.itemsSoFar) items" : ""
        state.status = StatusMessage(.busy, "Syncing \(what): \(progress.resourcesDone)/\(progress.resourcesTotal) documents\(items)")
        return []

    case .syncFinished(let summary):
        state.isSyncing = false
        state.status = syncStatus(summary)
        return []

    case .cacheChanged:
        var effects: [Effect] = []
        if let uri = state.collectionURI {
            effects.append(.loadCollection(uri: uri, filter: state.overview.filter, windowSize: itemWindowSize))
        }
        if state.picker != nil { effects.append(.listCollections) }
        return effects

    case .collectionsListed(let collections):
        guard state.picker != nil else { return [] }
        let current = collections.firstIndex { $0.uri == state.collectionURI } ?? 0
        state.picker?.collections = collections
        state.picker?.cursor = ListCursor().moved(to: current, count: collections.count, rows: state.viewport.memberRows)
        return []
    }
}

/// "Synced 14:02 · 3 new, 1 updated" or what failed.
private func syncStatus(_ summary: SyncSummary) -> StatusMessage {
    var changes = ["\(summary.newItems) new"]
    if summary.updatedItems > 0 { changes.append("\(summary.updatedItems) updated") }
    if summary.deletedItems > 0 { changes.append("\(summary.deletedItems) deleted") }
    let synced = "Synced \(summary.finishedAt) · \(changes.joined(separator: ", "))"
    guard let first = summary.failures.first else { return StatusMessage(.info, synced) }
    let more = summary.failures.count > 1 ? " (and \(summary.failures.count - 1) more)" : ""
    return StatusMessage(.error, "Sync failed: \(first)\(more)")
}

/// The remote-less `r`: say exactly how to configure one.
let noRemoteMessage = "No remote to sync from: start with --remote URL, set JOINUP_REMOTE, or put remote = \"URL\" in config.toml"

private func handle(_ command: Command, in state: inout AppState) -> [Effect] {
    switch command {
    case .quit:
        state.isQuitting = true
        return []
    case .toggleHelp:
        state.isHelpVisible.toggle()
        return []
    case .back where state.isHelpVisible:
        state.isHelpVisible = false
        return []
    case _ where state.isHelpVisible:
        return []
    case .sync:
        guard let remote = state.remote else {
            state.status = StatusMessage(.error, noRemoteMessage)
            return []
        }
        guard !state.isSyncing else {
            state.status = StatusMessage(.busy, "A sync is already running…")
            return []
        }
        state.isSyncing = true
        state.status = StatusMessage(.busy, "Syncing from \(remote)…")
        return [.sync(remote: remote)]
    case .toggleCollectionPicker:
        if state.picker != nil {
            state.picker = nil
            return []
        }
        state.picker = CollectionPicker()
        return [.listCollections]
    case _ where state.picker != nil:
        return handlePicker(command, in: &state)
    case .nextTab:
        state.tab = Tab(rawValue: (state.tab.rawValue + 1) % Tab.allCases.count)!
        return []
    case .previousTab:
        state.tab = Tab(rawValue: (state.tab.rawValue + Tab.allCases.count - 1) % Tab.allCases.count)!
        return []
    case .showTab(let tab):
        state.tab = tab
        return []
    case .join:
        // Joining needs a signed-in account, which this release cannot hold yet: say where to join.
        let page = state.about?.pageURL ?? "the collection's page on Joinup"
        state.status = StatusMessage(.info, "Joining from joinup is not available yet. Join on the web: \(page)")
        return []
    default:
        break
    }

    switch state.focus {
    case .itemList:
        if command == .open {
            guard let row = state.overview.selectedRow, let uri = state.collectionURI else { return [] }
            return [.loadItem(collectionURI: uri, id: row.id)]
        }
        let cursor = state.overview.cursor
        guard let target = target(of: command, from: cursor.selection, count: state.overview.itemCount,
                                  page: state.viewport.listRows) else { return [] }
        state.overview.cursor = cursor.moved(to: target, count: state.overview.itemCount, rows: state.viewport.listRows)
        return windowEffects(for: state)

    case .itemDetail:
        if command == .back {
            state.overview.openedItem = nil
            state.overview.detailScroll = 0
            return []
        }
        if let target = scrollTarget(of: command, from: state.overview.detailScroll,
                                     max: state.viewport.detailMaxScroll, page: state.viewport.listRows) {
            state.overview.detailScroll = target
        }
        return []

    case .members:
        let count = state.members.members.count
        let rows = state.viewport.memberRows
        if let target = target(of: command, from: state.members.cursor.selection, count: count, page: rows) {
            state.members.cursor = state.members.cursor.moved(to: target, count: count, rows: rows)
        }
        return []

    case .about:
        if let target = scrollTarget(of: command, from: state.aboutScroll,
                                     max: state.viewport.aboutMaxScroll, page: state.viewport.height - 6) {
            state.aboutScroll = target
        }
        return []

    case .help, .picker:
        return []
    }
}

/// Keys while the collections picker is open: move, Enter switches, Esc closes.
private func handlePicker(_ command: Command, in state: inout AppState) -> [Effect] {
    guard var picker = state.picker else { return [] }
    switch command {
    case .back:
        state.picker = nil
        return []
    case .open:
        guard let chosen = picker.selected else { return [] }
        state.picker = nil
        guard chosen.uri != state.collectionURI else { return [] }
        return switchCollection(to: chosen.uri, in: &state)
    default:
        let count = picker.collections?.count ?? 0
        let rows = state.viewport.memberRows
        if let target = target(of: command, from: picker.cursor.selection, count: count, page: rows) {
            picker.cursor = picker.cursor.moved(to: target, count: count, rows: rows)
            state.picker = picker
        }
        return []
    }
}

/// Shows another collection from the start: its Overview, nothing selected or opened.
private func switchCollection(to uri: String, in state: inout AppState) -> [Effect] {
    state.collectionURI = uri
    state.header = nil
    state.about = nil
    state.aboutTopics = []
    state.aboutScroll = 0
    state.overview = OverviewState()
    state.members = MembersState()
    state.tab = .overview
    state.status = StatusMessage(.busy, "Loading…")
    return [.loadCollection(uri: uri, filter: state.overview.filter, windowSize: itemWindowSize)]
}

/// Where a movement command takes a list selection (nil: not a movement).
private func target(of command: Command, from selection: Int, count: Int, page: Int) -> Int? {
    let page = max(1, page)
    switch command {
    case .moveUp: return selection - 1
    case .moveDown: return selection + 1
    case .pageUp: return selection - page
    case .pageDown: return selection + page
    case .moveToTop: return 0
    case .moveToBottom: return count - 1
    default: return nil
    }
}

/// Where a movement command takes a text's scroll offset, clamped to 0...max.
private func scrollTarget(of command: Command, from offset: Int, max maxOffset: Int, page: Int) -> Int? {
    let page = max(1, page)
    let raw: Int
    switch command {
    case .moveUp: raw = offset - 1
    case .moveDown: raw = offset + 1
    case .pageUp: raw = offset - page
    case .pageDown: raw = offset + page
    case .moveToTop: raw = 0
    case .moveToBottom: raw = maxOffset
    default: return nil
    }
    return min(max(0, raw), max(0, maxOffset))
}

/// Asks for a new window of rows when the visible part of the list is not loaded.
private func windowEffects(for state: AppState) -> [Effect] {
    let overview = state.overview
    guard let uri = state.collectionURI, overview.itemCount > 0 else { return [] }
    let top = overview.cursor.scrollTop
    let last = min(overview.itemCount, top + max(1, state.viewport.listRows)) - 1
    if overview.window.contains(top) && overview.window.contains(last) { return [] }
    let offset = max(0, top - (itemWindowSize - state.viewport.listRows) / 2)
    return [.loadItemWindow(collectionURI: uri, filter: overview.filter, offset: offset, limit: itemWindowSize)]
}
