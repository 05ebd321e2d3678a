import Foundation
import JoinupCache
import JoinupModel
import JoinupSync

/// The browser's tabs, as on a Joinup collection page.
public enum Tab: Int, CaseIterable, Hashable, Sendable {
    case overview
    case members
    case about

    public var title: String {
        switch self {
        case .overview: "Overview"
        case .members: "Members"
        case .about: "About"
        }
    }
}

/// What the view layer measured of the screen: how many rows each scrollable region shows.
public struct Viewport: Hashable, Sendable {
    public var width: Int
    public var height: Int
    /// Rows of the content list on the Overview.
    public var listRows: Int
    /// Rows of the members list.
    public var memberRows: Int
    /// How far the opened item's text can scroll (wrapped lines minus visible rows).
    public var detailMaxScroll: Int
    /// How far the About text can scroll.
    public var aboutMaxScroll: Int
    /// Lines of the About text on screen.
    public var aboutRows: Int
    /// Rows of the Overview's filter pane.
    public var facetRows: Int
    /// How far the help overlay can scroll, and how many of its lines show at once.
    public var helpMaxScroll: Int
    public var helpRows: Int
    /// Rows of the collections browser's list (and of its topic facet).
    public var pickerRows: Int
    /// How far the message log overlay can scroll, and how many of its lines show at once.
    public var messagesMaxScroll: Int
    public var messagesRows: Int

    public init(width: Int, height: Int, listRows: Int, memberRows: Int,
                detailMaxScroll: Int = 0, aboutMaxScroll: Int = 0, aboutRows: Int = 1, facetRows: Int = 1,
                helpMaxScroll: Int = 0, helpRows: Int = 1, pickerRows: Int = 1,
                messagesMaxScroll: Int = 0, messagesRows: Int = 1) {
        self.width = width
        self.height = height
        self.listRows = listRows
        self.memberRows = memberRows
        self.detailMaxScroll = detailMaxScroll
        self.aboutMaxScroll = aboutMaxScroll
        self.aboutRows = aboutRows
        self.facetRows = facetRows
        self.helpMaxScroll = helpMaxScroll
        self.helpRows = helpRows
        self.pickerRows = pickerRows
        self.messagesMaxScroll = messagesMaxScroll
        self.messagesRows = messagesRows
    }

    /// Before the first frame: one list row (one two-line tile, as the smallest screen has).
    public static let unmeasured = Viewport(width: 0, height: 0, listRows: 1, memberRows: 1, facetRows: 2)
}

/// A cursor over a list whose rows may not all be loaded: where the selection is and what shows.
public struct ListCursor: Hashable, Sendable {
    public var selection: Int = 0
    /// Index of the first visible row.
    public var scrollTop: Int = 0

    public init(selection: Int = 0, scrollTop: Int = 0) {
        self.selection = selection
        self.scrollTop = scrollTop
    }

    /// The cursor moved to `target` in a list of `count` rows showing `rows` at a time:
    /// clamped to the list, scrolled just enough to keep the selection visible.
    public func moved(to target: Int, count: Int, rows: Int) -> ListCursor {
        guard count > 0 else { return ListCursor() }
        let rows = max(1, rows)
        let selection = min(max(0, target), count - 1)
        var top = scrollTop
        if selection < top { top = selection }
        if selection >= top + rows { top = selection - rows + 1 }
        top = min(max(0, top), max(0, count - rows))
        return ListCursor(selection: selection, scrollTop: top)
    }
}

/// A window of the content list loaded from the cache (the list is paged, never loaded whole).
public struct ItemWindow: Hashable, Sendable {
    /// Index of `rows[0]` in the whole filtered list.
    public var offset: Int
    public var rows: [ItemSummary]

    public init(offset: Int = 0, rows: [ItemSummary] = []) {
        self.offset = offset
        self.rows = rows
    }

    public func contains(_ index: Int) -> Bool { index >= offset && index < offset + rows.count }

    public func row(at index: Int) -> ItemSummary? { contains(index) ? rows[index - offset] : nil }
}

/// Which side of the Overview has the keys: the filter pane or the content list.
public enum OverviewPaneFocus: Hashable, Sendable {
    case list
    case filters
}

/// The Overview tab: topic facets beside the content list, and the opened item if any.
public struct OverviewState: Hashable, Sendable {
    public var filter: ItemFilter = .none
    public var sort: ItemSort = .newest
    /// Bumped by every filter or sort change; results for an older revision are dropped.
    public var revision = 0
    public var facets: [FacetCount] = []
    /// Items per content type under the other filters (the type facet ignores its own selection).
    public var kindCounts: [ItemKind: Int] = [:]
    /// Upcoming and past events beside the two filter rows (empty until counted).
    public var eventTimingCounts: [EventTiming: Int] = [:]
    /// Every topic the facets have shown, to keep naming a selection whose count fell to zero.
    public var knownTopics: [String: Topic] = [:]
    public var paneFocus: OverviewPaneFocus = .list
    /// The cursor in the filter pane (an index into `facetRows`).
    public var facetCursor = ListCursor()
    /// Number of items matching the filter.
    public var itemCount: Int = 0
    public var window = ItemWindow()
    public var cursor = ListCursor()
    /// The item opened with Enter; nil shows the list.
    public var openedItem: ItemDetail?
    public var detailScroll: Int = 0
    /// The search line's text as last kept with Enter, which the next `/` opens again;
    /// nil once the filter changed any other way.
    public var query: KeptQuery?
    /// When the collection was opened before this time (nil: never, or not known yet): rows that
    /// arrived later are marked new.
    public var lastOpened: Date?
    /// Unread items under the filter minus its read-state selection (the "Unread" filter's count).
    public var unreadCount = 0

    public init() {}

    public var selectedRow: ItemSummary? { window.row(at: cursor.selection) }
}

/// The Members tab.
public struct MembersState: Hashable, Sendable {
    /// Active members, owners and facilitators first (narrowed by `role` and `nameQuery`).
    public var members: [Member] = []
    public var cursor = ListCursor()
    /// Only members holding this role; nil for everyone.
    public var role: Role?
    /// Only members whose name contains this.
    public var nameQuery = ""
    /// Active members per role, under the name search.
    public var roleCounts: [Role: Int] = [:]

    public init() {}

    /// The roles `f` cycles through and the chips show: those someone holds (every role
    /// before the counts arrive), and the one chosen even when the name search emptied it.
    public var rolesWithMembers: [Role] {
        Role.allCases.filter { roleCounts.isEmpty || (roleCounts[$0] ?? 0) > 0 || $0 == role }
    }
}

/// What a finished sync run reports to the status line.
public struct SyncSummary: Hashable, Sendable {
    /// Local wall-clock time of the end of the run, "14:02" (formatted at the edge, not in the reducer).
    public var finishedAt: String
    public var newItems: Int
    public var updatedItems: Int
    public var deletedItems: Int
    /// Feed items left out because a value they need could not be read, over every collection.
    public var skipped = SkippedItems()
    /// One "alias: reason" line per collection (or the directory) that failed.
    public var failures: [String]
    /// The collections synced, when the remote had no directory and the cached ones were synced.
    public var syncedWithoutDirectory: [String]? = nil

    public init(finishedAt: String, newItems: Int = 0, updatedItems: Int = 0, deletedItems: Int = 0, failures: [String] = []) {
        self.finishedAt = finishedAt
        self.newItems = newItems
        self.updatedItems = updatedItems
        self.deletedItems = deletedItems
        self.failures = failures
    }
}

/// The About tab: the collection's metadata and how far it is scrolled.
public struct AboutState: Hashable, Sendable {
    /// Nil until the cache has answered.
    public var collection: Collection?
    /// Topic labels, resolved from `collection.topicURIs`.
    public var topics: [Topic] = []
    /// Owner, contact point and country names the directory gives for the collection.
    public var directory: DirectoryAbout?
    public var scroll: Int = 0

    public init(collection: Collection? = nil, topics: [Topic] = []) {
        self.collection = collection
        self.topics = topics
    }
}

/// Everything the browser shows; the views are a pure function of it.
public struct AppState: Hashable, Sendable {
    /// The collection on screen; set when the browser starts.
    public var collectionURI: String?
    public var tab: Tab = .overview
    public var viewport: Viewport = .unmeasured
    /// Nil until the cache has answered.
    public var header: CollectionHeader?
    public var about = AboutState()
    public var overview = OverviewState()
    public var members = MembersState()
    /// What covers the tabs and takes the keys: help, the picker, the search line, a confirmation.
    public var modal: Modal = .none
    /// The remote `r` syncs from; nil when none is configured.
    public var remote: String?
    public var isSyncing = false
    /// The status line's message and the message log (Messages/Messages.swift).
    public var messages = Messages()
    public var isQuitting = false
    /// Why the app quit on its own, for the terminal after the screen is restored (nil: the user quit).
    public var exitMessage: String?
    /// Periodic sync (config `sync_interval`, seconds; nil: off), timed by `.syncTimer`.
    public var syncInterval: Int?
    /// Sign-in and the outbox (AccountState.swift).
    public var account = AccountState()
    /// The zone of every time the browser shows (the user's own); Joinup's "Last update" stamp
    /// alone stays in Brussels time, as on Joinup's page.
    public var timeZone: TimeZone = .current

    public init() {}

    /// The message on the status line. Setting one posts it (logged; an info never hides a
    /// warning or an error, see `Messages.post`); setting nil takes it off the line.
    public var status: StatusMessage? {
        get { messages.current }
        set { if let newValue { messages.post(newValue) } else { messages.dismiss() } }
    }

    /// The region the keys act on, which also picks the status-line hints: the modal's, else the tab's.
    public var focus: Focus {
        if let focus = modal.focus { return focus }
        switch tab {
        case .overview:
            if overview.openedItem != nil { return .itemDetail }
            return overview.paneFocus == .filters ? .filters : .itemList
        case .members: return .members
        case .about: return .about
        }
    }
}

/// The part of the screen that receives keys.
public enum Focus: Hashable, Sendable, CaseIterable {
    case itemList
    /// The Overview's filter pane (types and topics).
    case filters
    case itemDetail
    case members
    case about
    case picker
    /// The collections browser's topic facet.
    case pickerTopics
    case search
    case help
    /// The join/leave confirmation.
    case dialog
    /// The message log overlay.
    case messages
    /// The About tab's link chooser.
    case linkChooser
    /// The outbox overlay (`O`).
    case outbox
}
