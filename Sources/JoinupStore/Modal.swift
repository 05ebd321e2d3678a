/// What covers the tabs and takes the keys. The precedence is stated here once: the outermost
/// case has the keys. Help and the confirmation are drawn over what they cover (a picker, say)
/// and give it back when they close; the picker and the search line cover only the tabs.
public indirect enum Modal: Hashable, Sendable {
    case none
    /// The collections browser (`c`).
    case picker(CollectionsBrowser)
    /// The search line (`/`).
    case search(SearchLine)
    /// The key list (`?`), over what it covers.
    case help(HelpState, over: Modal)
    /// The join/leave confirmation, over what it covers.
    case dialog(MembershipDialog, over: Modal)
    /// The message log (`M`), over what it covers.
    case messages(MessageLogState, over: Modal)
    /// The About tab's link chooser (`o`).
    case linkChooser(LinkChooser)
    /// The outbox overlay (`O`): the queued joins and leaves, to cancel or retry.
    case outbox(OutboxOverlay)
    /// The "mark all read" confirmation (`A`), over what it covers: the same box and keys.
    case markAllRead(MarkAllReadDialog, over: Modal)

    /// The focus of the outermost modal; nil when nothing covers the tabs.
    public var focus: Focus? {
        switch self {
        case .none: nil
        case .picker(let browser): browser.focus
        case .search: .search
        case .help: .help
        case .dialog, .markAllRead: .dialog
        case .messages: .messages
        case .linkChooser: .linkChooser
        case .outbox: .outbox
        }
    }

    /// This modal and every one it covers, outermost first (the views draw them in reverse).
    public var layers: [Modal] {
        switch self {
        case .none: return []
        case .picker, .search, .linkChooser, .outbox: return [self]
        case .help(_, let covered), .dialog(_, let covered), .messages(_, let covered), .markAllRead(_, let covered):
            var layers: [Modal] = [self]
            layers.append(contentsOf: covered.layers)
            return layers
        }
    }

    /// The picker, on top or under help or a confirmation.
    public var picker: CollectionsBrowser? {
        switch self {
        case .picker(let picker): picker
        case .help(_, let covered), .dialog(_, let covered), .messages(_, let covered), .markAllRead(_, let covered): covered.picker
        case .none, .search, .linkChooser, .outbox: nil
        }
    }

    /// The search line, on top or under help or a confirmation.
    public var search: SearchLine? {
        switch self {
        case .search(let line): line
        case .help(_, let covered), .dialog(_, let covered), .messages(_, let covered), .markAllRead(_, let covered): covered.search
        case .none, .picker, .linkChooser, .outbox: nil
        }
    }

    /// The open confirmation, if it is on top.
    public var dialog: MembershipDialog? {
        if case .dialog(let dialog, _) = self { return dialog }
        return nil
    }

    /// Whether the key list is on top.
    public var isHelp: Bool {
        if case .help = self { return true }
        return false
    }

    /// Whether the message log is on top.
    public var isMessages: Bool {
        if case .messages = self { return true }
        return false
    }

    /// Changes the picker wherever it is in the layers (results arrive while help may cover it).
    mutating func updatePicker(_ change: (inout CollectionsBrowser) -> Void) {
        updateBase { base in
            guard case .picker(var picker) = base else { return }
            change(&picker)
            base = .picker(picker)
        }
    }

    /// Changes the search line wherever it is in the layers.
    mutating func updateSearch(_ change: (inout SearchLine) -> Void) {
        updateBase { base in
            guard case .search(var line) = base else { return }
            change(&line)
            base = .search(line)
        }
    }

    /// Changes the innermost layer, under any help or confirmation.
    private mutating func updateBase(_ change: (inout Modal) -> Void) {
        switch self {
        case .help(let help, var covered):
            covered.updateBase(change)
            self = .help(help, over: covered)
        case .dialog(let dialog, var covered):
            covered.updateBase(change)
            self = .dialog(dialog, over: covered)
        case .markAllRead(let dialog, var covered):
            covered.updateBase(change)
            self = .markAllRead(dialog, over: covered)
        case .messages(let log, var covered):
            covered.updateBase(change)
            self = .messages(log, over: covered)
        case .none, .picker, .search, .linkChooser, .outbox:
            change(&self)
        }
    }
}

/// The key list's own state.
public struct HelpState: Hashable, Sendable {
    /// Lines the overlay is scrolled by when it does not fit the screen.
    public var scroll = 0

    public init(scroll: Int = 0) {
        self.scroll = scroll
    }
}

/// The message log's own state.
public struct MessageLogState: Hashable, Sendable {
    /// Lines the log is scrolled by.
    public var scroll = 0

    public init(scroll: Int = 0) {
        self.scroll = scroll
    }
}

/// The outbox overlay's own state: which request the cursor is on (the requests are `AccountState.outbox`).
public struct OutboxOverlay: Hashable, Sendable {
    public var cursor = ListCursor()

    public init(cursor: ListCursor = ListCursor()) {
        self.cursor = cursor
    }
}
