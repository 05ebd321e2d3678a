import JoinupModel

/// How many list rows one window load fetches: a few screens, so scrolling rarely waits.
public let itemWindowSize = 120

/// The browser's logic: applies an action to the state and says what work to do next.
/// Pure: no I/O, no clock, no terminal.
///
/// One root composes scoped reducers, each over its own part of the state: results go to every
/// scope (each takes what is its own, in a fixed order, so effects come out in that order); a
/// command goes to what has the keys: the outermost modal, else the tab on screen.
public func reduce(_ state: inout AppState, _ action: Action) -> [Effect] {
    if case .commandIssued(let command) = action {
        state.messages.commandIssued()
        return route(command, in: &state)
    }
    if case .viewportChanged(let viewport) = action { state.viewport = viewport }
    var effects: [Effect] = AppReducer.reduce(&state, action)
    effects += state.scope(\.overview) { (part: inout OverviewState, context: inout ReducerContext) in
        OverviewReducer.reduce(&part, action, &context)
    }
    effects += state.scope(\.members) { (part: inout MembersState, context: inout ReducerContext) in
        MembersReducer.reduce(&part, action, &context)
    }
    effects += state.scope(\.about) { (part: inout AboutState, context: inout ReducerContext) in
        AboutReducer.reduce(&part, action, &context)
    }
    effects += state.scope(\.account) { (part: inout AccountState, context: inout ReducerContext) in
        AccountReducer.reduce(&part, action, &context)
    }
    let context = state.context
    effects += PickerReducer.reduce(&state.modal, action, context)
    effects += ReadReducer.reduce(&state, action)
    return effects
}

/// What a scoped reducer may read of the rest of the state, and the status line any scope may set.
struct ReducerContext {
    let collectionURI: String?
    let viewport: Viewport
    let remote: String?
    let isSyncing: Bool
    var messages: Messages

    /// As `AppState.status`: setting posts, nil takes the message off the line.
    var status: StatusMessage? {
        get { messages.current }
        set { if let newValue { messages.post(newValue) } else { messages.dismiss() } }
    }
}

extension AppState {
    var context: ReducerContext {
        ReducerContext(collectionURI: collectionURI, viewport: viewport, remote: remote, isSyncing: isSyncing, messages: messages)
    }

    /// Runs a scoped reducer over one part of the state with the context it may read.
    mutating func scope<Part>(_ part: WritableKeyPath<AppState, Part>,
                              _ body: (inout Part, inout ReducerContext) -> [Effect]) -> [Effect] {
        var context = context
        let effects = body(&self[keyPath: part], &context)
        messages = context.messages
        return effects
    }
}

/// A command, to what has the keys. Quit, the theme, redraw and suspend work everywhere; the modals are tried outermost first.
private func route(_ command: Command, in state: inout AppState) -> [Effect] {
    switch command {
    case .quit:
        state.isQuitting = true
        return []
    case .cycleTheme:
        return [.terminal(.nextTheme)]
    case .redraw:
        return [.terminal(.redraw)]
    case .suspend:
        return [.terminal(.suspend)]
    case .toggleHelp where state.modal.dialog == nil && !state.modal.isHelp:
        state.modal = .help(HelpState(), over: state.modal)
        return []
    case .toggleMessages where state.modal.dialog == nil && !state.modal.isMessages && !state.modal.isHelp:
        state.modal = .messages(MessageLogState(), over: state.modal)
        return []
    default:
        break
    }
    switch state.modal {
    case .dialog(let dialog, let covered):
        return AccountReducer.dialog(command, dialog, covered: covered, in: &state)
    case .markAllRead(let dialog, let covered):
        return ReadReducer.dialog(command, dialog, covered: covered, in: &state)
    case .help(var help, let covered):
        if command == .toggleHelp || command == .back {
            state.modal = covered
            return []
        }
        HelpReducer.reduce(&help, command, state.context)
        state.modal = .help(help, over: covered)
        return []
    case .messages(var log, let covered):
        if command == .toggleMessages || command == .back {
            state.modal = covered
            return []
        }
        if let target = scrollTarget(of: command, from: log.scroll, max: state.viewport.messagesMaxScroll,
                                     page: state.viewport.messagesRows) {
            log.scroll = target
            state.modal = .messages(log, over: covered)
        }
        return []
    case .search(let line):
        return SearchReducer.command(command, line, in: &state)
    case .linkChooser(let chooser):
        return LinkReducer.chooser(command, chooser, in: &state)
    case .outbox(let overlay):
        return OutboxReducer.command(command, overlay, in: &state)
    case .picker(var picker):
        switch command {
        case .toggleCollectionPicker:
            state.modal = .none
            return []
        case .sync:
            return AppReducer.startSync(&state)
        case .join, .leave:
            return AccountReducer.membershipCommand(command == .join ? .join : .leave, in: &state)
        default:
            let choice = PickerReducer.command(command, &picker, state.context)
            switch choice {
            case .stay:
                state.modal = .picker(picker)
                return []
            case .close:
                state.modal = .none
                return []
            case .open(let uri):
                state.modal = .none
                guard uri != state.collectionURI else { return [] }
                return AppReducer.switchCollection(to: uri, in: &state)
            case .sync(let collection):
                guard let remote = state.remote else {
                    state.modal = .picker(picker)
                    state.status = StatusMessage(.error, noRemoteMessage)
                    return []
                }
                picker.syncing = collection
                state.modal = .picker(picker)
                let title = TerminalText.line(collection.title)
                state.status = StatusMessage(.busy, "Syncing \(title)…", subject: title)
                return [.syncCollection(collection, remote: remote)]
            }
        }
    case .none:
        return browse(command, in: &state)
    }
}

/// A command with nothing covering the tabs: the app-wide ones, then the tab on screen.
private func browse(_ command: Command, in state: inout AppState) -> [Effect] {
    switch command {
    case .sync:
        return AppReducer.startSync(&state)
    case .join:
        return AccountReducer.membershipCommand(.join, in: &state)
    case .leave:
        return AccountReducer.membershipCommand(.leave, in: &state)
    case .toggleCollectionPicker:
        state.modal = .picker(CollectionsBrowser())
        return [.listCollections]
    case .toggleOutbox:
        return OutboxReducer.open(in: &state)
    case .nextTab:
        state.tab = Tab(rawValue: (state.tab.rawValue + 1) % Tab.allCases.count)!
        return []
    case .previousTab:
        state.tab = Tab(rawValue: (state.tab.rawValue + Tab.allCases.count - 1) % Tab.allCases.count)!
        return []
    case .showTab(let tab):
        state.tab = tab
        return []
    case .openLink where state.tab == .about:
        return LinkReducer.openChooser(in: &state)
    case .openLink:
        return AppReducer.requestLink(&state)
    case .dismissMessage:
        state.status = nil
        return []
    case .copyLink:
        return LinkReducer.requestCopy(&state)
    case .toggleRead, .nextUnread, .previousUnread, .markAllRead:
        return state.tab == .overview ? ReadReducer.command(command, in: &state) : []
    // Search works on the Members tab (names) and on the Overview's list (not over an open item).
    case .startSearch where state.tab == .members || (state.tab == .overview && state.overview.openedItem == nil):
        return SearchReducer.start(in: &state)
    case .removeLastFilter where state.tab == .overview:
        return state.scope(\.overview) { (part: inout OverviewState, context: inout ReducerContext) in
            OverviewReducer.removeLastFilter(&part, &context)
        }
    case .clearFilters:
        var effects: [Effect] = state.scope(\.members) { (part: inout MembersState, context: inout ReducerContext) in
            MembersReducer.clearFilters(&part, &context)
        }
        effects += state.scope(\.overview) { (part: inout OverviewState, context: inout ReducerContext) in
            OverviewReducer.clearFilters(&part, &context)
        }
        state.status = StatusMessage(.info, "Filters cleared")
        return effects
    default:
        switch state.tab {
        case .overview:
            return state.scope(\.overview) { (part: inout OverviewState, context: inout ReducerContext) in
                OverviewReducer.command(command, &part, &context)
            }
        case .members:
            return state.scope(\.members) { (part: inout MembersState, context: inout ReducerContext) in
                MembersReducer.command(command, &part, &context)
            }
        case .about:
            return state.scope(\.about) { (part: inout AboutState, context: inout ReducerContext) in
                AboutReducer.command(command, &part, &context)
            }
        }
    }
}
