import JoinupModel

/// What belongs to the app as a whole: starting, the collection shown, sync, the status line,
/// messages from outside, and the modals results arrive for.
enum AppReducer {
    static func reduce(_ state: inout AppState, _ action: Action) -> [Effect] {
        switch action {
        case .started(let uri):
            state.collectionURI = uri
            state.status = StatusMessage(.busy, "Loading…")
            return [.restoreView(uri: uri), .loadCollection(uri: uri), .observeCache, .loadAccount, .outboxTimer]
                + nextSyncTimer(state)
        case .syncDue:
            // A sync already running (`r`) stands for this one; the next is an interval away.
            let effects = state.isSyncing ? [] : startSync(&state)
            return effects + nextSyncTimer(state)
        case .collectionLoaded(let header, _, _):
            state.header = header
            return []
        case .loadFailed(let message):
            state.status = StatusMessage(.error, message)
            return []
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
            guard let uri = state.collectionURI else { return [] }
            return [.loadCollection(uri: uri)]
        case .outboxDelivered(let results, _):
            // The header shows what the delivery stored (Members reloads too).
            guard let uri = state.collectionURI, results.changedCollection(uri) else { return [] }
            return [.loadCollection(uri: uri)]
        case .cacheReplaced(let message):
            // Reading on would show a file nobody writes to any more; a restart opens the new one.
            state.isQuitting = true
            state.exitMessage = message
            return []
        case .statusShown(let message):
            state.status = message
            return []
        case .collectionSynced(let collection, let failure):
            return collectionSynced(collection, failure: failure, in: &state)
        case .linkFound(let link):
            return [.terminal(.openLink(link))]
        case .linkToCopyFound(let link):
            return [.terminal(.copyLink(link))]
        case .linkHandled(let message):
            state.status = message
            return []
        case .themeChanged(let name):
            state.status = StatusMessage(.info, "Theme: \(name)")
            return []
        case .membershipDialogReady(let dialog):
            AccountReducer.present(dialog, in: &state)
            return []
        case .searchParsed(let text, let result):
            return SearchReducer.parsed(text: text, result: result, in: &state)
        case .outboxLoaded(let actions, _):
            OutboxReducer.loaded(actions, in: &state)
            return []
        case .outboxActionCancelled(let action):
            return OutboxReducer.cancelled(action, in: &state)
        case .outboxTick:
            // The overlay's ages and errors follow the retries while it is open.
            if case .outbox = state.modal { return [.loadOutbox] }
            return []
        case .credentialsChanged:
            // A `joinup login` or `logout` in another shell: the header says who is signed in now.
            return [.loadAccount]
        default:
            return []
        }
    }

    /// `r`: a background sync of every collection from the remote (and the waiting join/leave requests).
    static func startSync(_ state: inout AppState) -> [Effect] {
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
        var effects: [Effect] = state.scope(\.account) { (account: inout AccountState, context: inout ReducerContext) in
            AccountReducer.deliverIfWaiting(&account, context)
        }
        effects.append(.sync(remote: remote))
        return effects
    }

    /// A collection chosen in the collections browser came back from its sync: open it, or say why not.
    static func collectionSynced(_ collection: DirectoryCollection, failure: String?, in state: inout AppState) -> [Effect] {
        let waiting = state.modal.picker?.syncing?.uri == collection.uri
        if waiting { state.modal.updatePicker { $0.syncing = nil } }
        let title = TerminalText.line(collection.title)
        if let failure {
            state.status = StatusMessage(.error, "Could not sync \(title): \(TerminalText.line(failure))", subject: title)
            return []
        }
        // The user closed the browser meanwhile: the collection is in the cache for the next `c`.
        guard waiting, case .picker = state.modal else {
            state.status = StatusMessage(.success, "Synced \(title)", subject: title)
            return []
        }
        state.modal = .none
        return switchCollection(to: collection.uri, in: &state)
    }

    /// The periodic sync's next timer: none without an interval or a remote to sync from.
    private static func nextSyncTimer(_ state: AppState) -> [Effect] {
        guard let seconds = state.syncInterval, seconds > 0, state.remote != nil else { return [] }
        return [.syncTimer(seconds: seconds)]
    }

    /// Shows another collection from the start, with the filter it had last time.
    static func switchCollection(to uri: String, in state: inout AppState) -> [Effect] {
        state.collectionURI = uri
        state.header = nil
        state.about = AboutState()
        state.overview = OverviewState()
        state.members = MembersState()
        state.tab = .overview
        state.status = StatusMessage(.busy, "Loading…")
        return [.restoreView(uri: uri), .loadCollection(uri: uri), .recordOpening(uri: uri)]
    }

    /// `o`: the opened item's link, or the selected row's (read from the cache first).
    static func requestLink(_ state: inout AppState) -> [Effect] {
        switch itemLinkTarget(&state, outside: "o opens the link of an item: select one on the Overview") {
        case .link(let link): [.terminal(.openLink(link))]
        case .row(let uri, let id): [.findLink(collectionURI: uri, id: id)]
        case nil: []
        }
    }

    /// What an item's link key (`o`, `y`) acts on.
    enum ItemLinkTarget {
        /// The opened item's link, at hand.
        case link(String)
        /// The selected row, whose link is read from the cache first.
        case row(collectionURI: String, id: String)
    }

    /// The opened item, else the selected row; nil (the status line says why) elsewhere.
    static func itemLinkTarget(_ state: inout AppState, outside: String) -> ItemLinkTarget? {
        guard state.tab == .overview, state.focus == .itemList || state.focus == .itemDetail else {
            state.status = StatusMessage(.error, outside)
            return nil
        }
        if let detail = state.overview.openedItem { return .link(detail.item.link) }
        guard let row = state.overview.selectedRow, let uri = state.collectionURI else {
            state.status = StatusMessage(.error, "No item selected")
            return nil
        }
        return .row(collectionURI: uri, id: row.id)
    }

    /// "Synced 14:02 · 3 new, 1 updated" or what failed.
    private static func syncStatus(_ summary: SyncSummary) -> StatusMessage {
        var changes = ["\(summary.newItems) new"]
        if summary.updatedItems > 0 { changes.append("\(summary.updatedItems) updated") }
        if summary.deletedItems > 0 { changes.append("\(summary.deletedItems) deleted") }
        if !summary.skipped.isEmpty { changes.append(summary.skipped.summary) }
        var synced = "Synced \(summary.finishedAt) · \(changes.joined(separator: ", "))"
        if let aliases = summary.syncedWithoutDirectory {
            // Joinup publishes no directory: say which collections were synced instead.
            synced += " · no directory: synced \(aliases.count == 1 ? aliases[0] : "\(aliases.count) cached collections")"
        }
        guard let first = summary.failures.first else {
            // Skipped items are never silent: a warning stays until dismissed, and the log keeps
            // which item was first and why.
            guard let skip = summary.skipped.first else { return StatusMessage(.success, synced) }
            return StatusMessage(.warning, synced + " — first: " + TerminalText.line(String(describing: skip)))
        }
        // The whole text keeps every failure: the status line shows the first, the log all.
        let others = summary.failures.dropFirst()
        let more = others.isEmpty ? "" : " (and \(others.count) more) — " + others.joined(separator: "; ")
        return StatusMessage(.error, "Sync failed: \(first)\(more)")
    }
}

/// The remote-less `r`: say exactly how to configure one.
let noRemoteMessage = "No remote to sync from: start with --remote URL, set JOINUP_REMOTE, or put remote = \"URL\" in config.toml"
