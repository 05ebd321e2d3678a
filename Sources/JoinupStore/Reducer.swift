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
        return [.restoreView(uri: uri), .loadCollection(uri: uri), .observeCache, .loadAccount, .outboxTimer]

    case .viewRestored(let filter, let sort):
        if let filter { state.overview.filter = filter }
        if let sort { state.overview.sort = sort }
        return reloadOverview(&state, save: false) + reloadMembers(state)

    case .collectionLoaded(let header, let about, let aboutTopics):
        state.header = header
        state.about = about
        state.aboutTopics = aboutTopics
        return []

    case .directoryAboutLoaded(let uri, let directory):
        guard uri == state.collectionURI else { return [] }
        state.aboutDirectory = directory
        return []

    case .overviewLoaded(let revision, let facets, let kindCounts, let itemCount, let window):
        guard revision == state.overview.revision else { return [] }
        state.overview.facets = facets
        state.overview.kindCounts = kindCounts
        for facet in facets { state.overview.knownTopics[facet.topic.uri] = facet.topic }
        state.overview.itemCount = itemCount
        state.overview.window = window
        state.overview.cursor = state.overview.cursor.moved(
            to: state.overview.cursor.selection, count: itemCount, rows: state.viewport.listRows)
        clampFacetCursor(&state)
        if state.status?.kind == .busy && !state.isSyncing { state.status = nil }
        return windowEffects(for: state)

    case .itemWindowLoaded(let revision, let window):
        guard revision == state.overview.revision else { return [] }
        state.overview.window = window
        return []

    case .membersLoaded(let role, let nameQuery, let members, let roleCounts):
        guard role == state.members.role, nameQuery == state.members.nameQuery else { return [] }
        state.members.members = members
        state.members.roleCounts = roleCounts
        state.members.cursor = state.members.cursor.moved(
            to: state.members.cursor.selection, count: members.count, rows: state.viewport.memberRows)
        return []

    case .searchParsed(let text, let result):
        guard var search = state.search, search.text == text, search.target == .items else { return [] }
        switch result {
        case .filter(let filter):
            search.error = nil
            state.search = search
            guard filter != state.overview.filter else { return [] }
            state.overview.filter = filter
            return reloadOverview(&state, save: false)
        case .error(let message):
            search.error = message
            state.search = search
            return []
        }

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
        state.picker?.fit(rows: viewport.pickerRows)
        clampFacetCursor(&state)
        return windowEffects(for: state)

    case .commandIssued(let command):
        if let effects = handleLinkOrPointer(command, in: &state) { return effects }
        return handle(command, in: &state)

    case .accountLoaded, .membershipDialogReady, .membershipQueued, .outboxDelivered, .outboxTick:
        return reduceMembership(action, in: &state)

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
            effects.append(.loadCollection(uri: uri))
            effects += reloadOverview(&state, save: false, resetCursor: false)
            effects += reloadMembers(state)
        }
        if state.picker != nil { effects.append(.listCollections) }
        return effects

    case .cacheReplaced(let message):
        // Reading on would show a file nobody writes to any more; a restart opens the new one.
        state.isQuitting = true
        state.exitMessage = message
        return []

    case .statusShown, .linkFound, .linkHandled:
        return reduceOutsideMessage(&state, action)

    case .collectionsListed(let catalog):
        state.picker?.load(catalog, current: state.collectionURI, rows: state.viewport.pickerRows)
        return []

    case .collectionSynced(let collection, let failure):
        return collectionSynced(collection, failure: failure, in: &state)
    }
}

/// "Synced 14:02 · 3 new, 1 updated" or what failed.
private func syncStatus(_ summary: SyncSummary) -> StatusMessage {
    var changes = ["\(summary.newItems) new"]
    if summary.updatedItems > 0 { changes.append("\(summary.updatedItems) updated") }
    if summary.deletedItems > 0 { changes.append("\(summary.deletedItems) deleted") }
    var synced = "Synced \(summary.finishedAt) · \(changes.joined(separator: ", "))"
    if let aliases = summary.syncedWithoutDirectory {
        // Joinup publishes no directory: say which collections were synced instead.
        synced += " · no directory: synced \(aliases.count == 1 ? aliases[0] : "\(aliases.count) cached collections")"
    }
    guard let first = summary.failures.first else { return StatusMessage(.info, synced) }
    let more = summary.failures.count > 1 ? " (and \(summary.failures.count - 1) more)" : ""
    return StatusMessage(.error, "Sync failed: \(first)\(more)")
}

/// The remote-less `r`: say exactly how to configure one.
let noRemoteMessage = "No remote to sync from: start with --remote URL, set JOINUP_REMOTE, or put remote = \"URL\" in config.toml"

private func handle(_ command: Command, in state: inout AppState) -> [Effect] {
    switch command {
    case _ where state.account.dialog != nil:
        return handleDialog(command, in: &state)
    case .quit:
        state.isQuitting = true
        return []
    case .toggleHelp:
        state.isHelpVisible.toggle()
        state.helpScroll = 0
        return []
    case .back where state.isHelpVisible:
        state.isHelpVisible = false
        return []
    case _ where state.isHelpVisible:
        // The overlay clamps the offset to what it has to show.
        if let target = scrollTarget(of: command, from: state.helpScroll, max: 500, page: state.viewport.height / 2) {
            state.helpScroll = command == .moveToBottom ? 500 : target
        }
        return []
    case _ where state.search != nil:
        return handleSearch(command, in: &state)
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
        // Waiting join/leave requests are sent on every sync.
        return deliverIfWaiting(&state) + [.sync(remote: remote)]
    case .join:
        return handleMembershipCommand(.join, in: &state)
    case .leave:
        return handleMembershipCommand(.leave, in: &state)
    case .toggleCollectionPicker:
        if state.picker != nil {
            state.picker = nil
            return []
        }
        state.picker = CollectionsBrowser()
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
    // Search works on the Members tab (names) and on the Overview's list (not over an open item).
    case .startSearch where state.tab == .members || (state.tab == .overview && state.overview.openedItem == nil):
        return startSearch(in: &state)
    case .clearFilters:
        return clearFilters(in: &state)
    case .cycleSort where state.tab == .overview:
        state.overview.sort = state.overview.sort.next
        state.status = StatusMessage(.info, "Sorted \(state.overview.sort.label)")
        return reloadOverview(&state)
    case .cycleRoleFilter where state.tab == .members:
        let roles: [Role?] = [nil] + Role.allCases.map(Optional.some)
        let next = roles[(roles.firstIndex(of: state.members.role)! + 1) % roles.count]
        state.members.role = next
        state.members.cursor = ListCursor()
        return reloadMembers(state)
    default:
        break
    }

    switch state.focus {
    case .itemList:
        switch command {
        case .open:
            guard let row = state.overview.selectedRow, let uri = state.collectionURI else { return [] }
            return [.loadItem(collectionURI: uri, id: row.id)]
        case .focusFilters:
            state.overview.paneFocus = .filters
            clampFacetCursor(&state)
            return []
        default:
            let cursor = state.overview.cursor
            guard let target = target(of: command, from: cursor.selection, count: state.overview.itemCount,
                                      page: state.viewport.listRows) else { return [] }
            state.overview.cursor = cursor.moved(to: target, count: state.overview.itemCount, rows: state.viewport.listRows)
            return windowEffects(for: state)
        }

    case .filters:
        return handleFilters(command, in: &state)

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

    case .help, .picker, .pickerTopics, .search, .dialog:
        return []
    }
}

/// Keys in the filter pane: move over selectable rows, Space/Enter toggles, → goes back to the list.
private func handleFilters(_ command: Command, in state: inout AppState) -> [Effect] {
    let rows = state.overview.facetRows
    switch command {
    case .focusList, .back:
        state.overview.paneFocus = .list
        return []
    case .toggleFilter, .open:
        guard rows.indices.contains(state.overview.facetCursor.selection) else { return [] }
        switch rows[state.overview.facetCursor.selection] {
        case .heading:
            return []
        case .kind(let kind, _, _):
            state.overview.filter.kinds.formSymmetricDifference([kind])
            if !state.overview.filter.kinds.contains(.event) { state.overview.filter.eventTiming = nil }
        case .eventTiming(let timing, let selected):
            state.overview.filter.eventTiming = selected ? nil : timing
        case .topic(let facet, _):
            state.overview.filter.topicURIs.formSymmetricDifference([facet.topic.uri])
        }
        return reloadOverview(&state)
    default:
        let cursor = state.overview.facetCursor
        guard let wanted = target(of: command, from: cursor.selection, count: rows.count,
                                  page: state.viewport.listRows * 2) else { return [] }
        // Headings never hold the cursor: step past them in the direction of travel, or the
        // other way at either end of the pane.
        let step = wanted < cursor.selection ? -1 : 1
        let start = min(max(0, wanted), max(0, rows.count - 1))
        let index = selectable(from: start, step: step, in: rows)
            ?? selectable(from: start, step: -step, in: rows) ?? cursor.selection
        state.overview.facetCursor = cursor.moved(to: index, count: rows.count, rows: facetPaneRows(state))
        return []
    }
}

/// Keys while the search line is open: typing edits it and filters at once.
private func handleSearch(_ command: Command, in state: inout AppState) -> [Effect] {
    guard var search = state.search else { return [] }
    switch command {
    case .typed(let character):
        search.text.append(character)
    case .deleteBackward:
        guard !search.text.isEmpty else { return [] }
        search.text.removeLast()
    case .submitSearch:
        state.search = nil
        state.searchBase = nil
        guard search.error == nil else {
            state.status = StatusMessage(.error, search.error!)
            return []
        }
        return search.target == .items ? [saveView(state)].compactMap { $0 } : []
    case .cancelSearch, .back:
        state.search = nil
        switch search.target {
        case .items:
            let base = state.searchBase ?? state.overview.filter
            state.searchBase = nil
            guard base != state.overview.filter else { return [] }
            state.overview.filter = base
            return reloadOverview(&state, save: false)
        case .members:
            state.members.nameQuery = ""
            return reloadMembers(state)
        }
    case .quit:
        state.isQuitting = true
        return []
    default:
        return []
    }
    state.search = search
    return applySearchText(in: &state)
}

private func startSearch(in state: inout AppState) -> [Effect] {
    if state.tab == .members {
        state.search = SearchLine(target: .members, text: state.members.nameQuery)
        return []
    }
    state.tab = .overview
    state.overview.paneFocus = .list
    var base = state.overview.filter
    let text = base.text
    base.text = ""
    state.searchBase = base
    state.search = SearchLine(target: .items, text: text)
    return []
}

/// Filters by the search line's current text: plain words directly, the query language via the
/// runtime (resolving topic names needs the vocabulary in the cache).
private func applySearchText(in state: inout AppState) -> [Effect] {
    guard let search = state.search else { return [] }
    switch search.target {
    case .members:
        state.members.nameQuery = search.text
        state.members.cursor = ListCursor()
        return reloadMembers(state)
    case .items:
        let base = state.searchBase ?? .none
        if SearchText.usesQueryLanguage(search.text) {
            guard let uri = state.collectionURI else { return [] }
            return [.parseSearch(uri: uri, text: search.text, base: base)]
        }
        state.search?.error = nil
        var filter = base
        filter.text = search.text.trimmingCharacters(in: .whitespaces)
        guard filter != state.overview.filter else { return [] }
        state.overview.filter = filter
        return reloadOverview(&state, save: false)
    }
}

private func clearFilters(in state: inout AppState) -> [Effect] {
    var effects: [Effect] = []
    if state.members.role != nil || !state.members.nameQuery.isEmpty {
        state.members.role = nil
        state.members.nameQuery = ""
        effects += reloadMembers(state)
    }
    if !state.overview.filter.isEmpty {
        state.overview.filter = .none
        effects += reloadOverview(&state)
    }
    state.status = StatusMessage(.info, "Filters cleared")
    return effects
}

/// A new revision of the Overview for the current filter and sort: counts, facets, first rows.
private func reloadOverview(_ state: inout AppState, save: Bool = true, resetCursor: Bool = true) -> [Effect] {
    guard let uri = state.collectionURI else { return [] }
    state.overview.revision += 1
    if resetCursor { state.overview.cursor = ListCursor() }
    var effects: [Effect] = [.loadOverview(uri: uri, filter: state.overview.filter, sort: state.overview.sort,
                                           revision: state.overview.revision, windowSize: itemWindowSize)]
    if save, let saving = saveView(state) { effects.append(saving) }
    return effects
}

private func saveView(_ state: AppState) -> Effect? {
    guard let uri = state.collectionURI else { return nil }
    return .saveView(uri: uri, filter: state.overview.filter, sort: state.overview.sort)
}

private func reloadMembers(_ state: AppState) -> [Effect] {
    guard let uri = state.collectionURI else { return [] }
    return [.loadMembers(uri: uri, role: state.members.role, nameQuery: state.members.nameQuery)]
}

/// Keys while the collections browser is open (CollectionsBrowser.swift): what it chose.
private func handlePicker(_ command: Command, in state: inout AppState) -> [Effect] {
    guard var picker = state.picker else { return [] }
    let rows = state.viewport.pickerRows
    let choice: CollectionsBrowser.Choice
    switch command {
    case .pointAtCollection(let index): choice = picker.point(atCollection: index, rows: rows)
    case .pointAtCollectionTopic(let index): picker.point(atTopic: index, rows: rows); choice = .stay
    default: choice = picker.handle(command, rows: rows)
    }
    state.picker = picker
    switch choice {
    case .stay:
        return []
    case .close:
        state.picker = nil
        return []
    case .open(let uri):
        state.picker = nil
        guard uri != state.collectionURI else { return [] }
        return switchCollection(to: uri, in: &state)
    case .sync(let collection):
        guard let remote = state.remote else {
            state.status = StatusMessage(.error, noRemoteMessage)
            return []
        }
        state.picker?.syncing = collection
        state.status = StatusMessage(.busy, "Syncing \(TerminalText.line(collection.title))…")
        return [.syncCollection(collection, remote: remote)]
    }
}

/// A collection chosen in the browser came back from its sync: open it, or say why not.
private func collectionSynced(_ collection: DirectoryCollection, failure: String?, in state: inout AppState) -> [Effect] {
    let waiting = state.picker?.syncing?.uri == collection.uri
    if waiting { state.picker?.syncing = nil }
    let title = TerminalText.line(collection.title)
    if let failure {
        state.status = StatusMessage(.error, "Could not sync \(title): \(TerminalText.line(failure))")
        return []
    }
    // The user closed the browser meanwhile: the collection is in the cache for the next `c`.
    guard waiting else {
        state.status = StatusMessage(.info, "Synced \(title)")
        return []
    }
    state.picker = nil
    return switchCollection(to: collection.uri, in: &state)
}

/// Shows another collection from the start, with the filter it had last time.
private func switchCollection(to uri: String, in state: inout AppState) -> [Effect] {
    state.collectionURI = uri
    state.header = nil
    state.about = nil
    state.aboutTopics = []
    state.aboutDirectory = nil
    state.aboutScroll = 0
    state.overview = OverviewState()
    state.members = MembersState()
    state.tab = .overview
    state.status = StatusMessage(.busy, "Loading…")
    return [.restoreView(uri: uri), .loadCollection(uri: uri)]
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

/// The first selectable row from `start` going by `step`, if any.
private func selectable(from start: Int, step: Int, in rows: [FacetRow]) -> Int? {
    var index = start
    while rows.indices.contains(index) {
        if rows[index].isSelectable { return index }
        index += step
    }
    return nil
}

private func firstSelectable(_ rows: [FacetRow]) -> Int {
    rows.firstIndex(where: \.isSelectable) ?? 0
}

/// Rows the filter pane shows at once (the list's screen rows: two per item tile, plus one).
func facetPaneRows(_ state: AppState) -> Int {
    max(1, state.viewport.listRows * 2)
}

/// Keeps the filter pane's cursor on a selectable row after its rows changed.
private func clampFacetCursor(_ state: inout AppState) {
    let rows = state.overview.facetRows
    var index = min(state.overview.facetCursor.selection, max(0, rows.count - 1))
    if rows.indices.contains(index) && !rows[index].isSelectable { index += 1 }
    if !rows.indices.contains(index) || !rows[index].isSelectable { index = firstSelectable(rows) }
    state.overview.facetCursor = state.overview.facetCursor.moved(to: index, count: rows.count, rows: facetPaneRows(state))
}

/// Asks for a new window of rows when the visible part of the list is not loaded.
private func windowEffects(for state: AppState) -> [Effect] {
    let overview = state.overview
    guard let uri = state.collectionURI, overview.itemCount > 0 else { return [] }
    let top = overview.cursor.scrollTop
    let last = min(overview.itemCount, top + max(1, state.viewport.listRows)) - 1
    if overview.window.contains(top) && overview.window.contains(last) { return [] }
    let offset = max(0, top - (itemWindowSize - state.viewport.listRows) / 2)
    return [.loadItemWindow(collectionURI: uri, filter: overview.filter, sort: overview.sort,
                            revision: overview.revision, offset: offset, limit: itemWindowSize)]
}
