import JoinupModel

/// The "mark all read" confirmation: what it would mark and how many items that is.
public struct MarkAllReadDialog: Hashable, Sendable {
    public var collectionURI: String
    public var filter: ItemFilter
    /// Items the filter shows (what the question counts).
    public var count: Int

    public init(collectionURI: String, filter: ItemFilter, count: Int) {
        self.collectionURI = collectionURI
        self.filter = filter
        self.count = count
    }

    /// The question the box asks.
    public var question: String {
        let items = count == 1 ? "the 1 item" : "all \(count) items"
        return filter.isEmpty ? "Mark \(items) of this collection as read?"
            : "Mark \(items) the current filter shows as read?"
    }
}

/// Read state on the Overview: opening marks read, `m` toggles, `n`/`N` go to the next or
/// previous unread item, `A` marks everything the filter shows read after a confirmation.
enum ReadReducer {
    /// Results of the read-state effects, and opening an item.
    static func reduce(_ state: inout AppState, _ action: Action) -> [Effect] {
        switch action {
        case .started(let uri):
            return [.recordOpening(uri: uri)]
        case .collectionOpened(let uri, let previous):
            guard uri == state.collectionURI else { return [] }
            state.overview.lastOpened = previous
            return []
        case .itemLoaded(let detail):
            guard let uri = state.collectionURI, detail.item.collectionURI == uri else { return [] }
            // Rows not loaded are read from the cache with their mark when they come.
            if state.overview.window.rows.first(where: { $0.id == detail.item.id })?.isRead == true { return [] }
            setRow(detail.item.id, read: true, in: &state.overview)
            return [.setRead(collectionURI: uri, ids: [detail.item.id], read: true)]
        case .unreadFound(let revision, let offset):
            guard revision == state.overview.revision else { return [] }
            guard let offset else {
                state.status = StatusMessage(.info, state.overview.filter.isEmpty ? "No unread items" : "No unread items in this filter")
                return []
            }
            return state.scope(\.overview) { (part: inout OverviewState, context: inout ReducerContext) in
                OverviewReducer.moveCursor(to: offset, &part, context)
            }
        case .unreadCounted(let revision, let count):
            guard revision == state.overview.revision else { return [] }
            state.overview.unreadCount = count
            return []
        case .readStateSaved(let uri, let unread):
            guard uri == state.collectionURI else { return [] }
            state.header?.unreadCount = unread
            // The "Unread" count and an unread-only list follow the new marks.
            return state.scope(\.overview) { (part: inout OverviewState, context: inout ReducerContext) in
                OverviewReducer.reload(&part, context, save: false, resetCursor: false)
            }
        case .allMarkedRead(let uri, let marked, let unread):
            guard uri == state.collectionURI else { return [] }
            state.header?.unreadCount = unread
            state.status = StatusMessage(.info, marked == 1 ? "Marked 1 item read" : "Marked \(marked) items read")
            return state.scope(\.overview) { (part: inout OverviewState, context: inout ReducerContext) in
                OverviewReducer.reload(&part, context, save: false, resetCursor: false)
            }
        default:
            return []
        }
    }

    /// `m`, `n`, `N` and `A` on the Overview.
    static func command(_ command: Command, in state: inout AppState) -> [Effect] {
        guard let uri = state.collectionURI else { return [] }
        let overview = state.overview
        switch command {
        case .toggleRead:
            let id: String
            let read: Bool
            if let opened = overview.openedItem {
                id = opened.item.id
                read = !(overview.window.rows.first { $0.id == id }?.isRead ?? true)
            } else {
                guard let row = overview.selectedRow else { return [] }
                id = row.id
                read = !row.isRead
            }
            setRow(id, read: read, in: &state.overview)
            state.status = StatusMessage(.info, read ? "Marked read" : "Marked unread")
            return [.setRead(collectionURI: uri, ids: [id], read: read)]
        case .nextUnread, .previousUnread:
            guard overview.openedItem == nil else { return [] }
            return [.findUnread(collectionURI: uri, filter: overview.filter, sort: overview.sort, revision: overview.revision,
                                from: overview.cursor.selection, backward: command == .previousUnread)]
        case .markAllRead:
            guard overview.openedItem == nil else { return [] }
            guard overview.itemCount > 0 else {
                state.status = StatusMessage(.info, "Nothing to mark read")
                return []
            }
            state.modal = .markAllRead(MarkAllReadDialog(collectionURI: uri, filter: overview.filter, count: overview.itemCount),
                                       over: state.modal)
            return []
        default:
            return []
        }
    }

    /// Keys while the "mark all read" confirmation is open: y/Enter marks, n/Esc drops it.
    static func dialog(_ command: Command, _ dialog: MarkAllReadDialog, covered: Modal, in state: inout AppState) -> [Effect] {
        switch command {
        case .confirm:
            state.modal = covered
            state.status = StatusMessage(.busy, "Marking read…")
            return [.markAllRead(collectionURI: dialog.collectionURI, filter: dialog.filter)]
        case .cancelDialog:
            return AccountReducer.cancel(covered: covered, in: &state)
        default:
            return []
        }
    }

    /// Shows a row's new mark at once (the cache is written by the effect).
    private static func setRow(_ id: String, read: Bool, in overview: inout OverviewState) {
        for index in overview.window.rows.indices where overview.window.rows[index].id == id {
            overview.window.rows[index].isRead = read
        }
    }
}
