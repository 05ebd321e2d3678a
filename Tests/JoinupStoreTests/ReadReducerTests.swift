import Foundation
import JoinupCache
import JoinupModel
import JoinupTestSupport
import Testing
@testable import JoinupStore

/// Read state as a user meets it: opening marks read, `m` toggles, `n`/`N` jump to unread items,
/// `A` asks before marking everything the filter shows, the header and the "Unread" filter follow.
@Suite struct ReadReducerTests {
    static let uri = ReducerTests.uri

    /// A loaded Overview of 8 items where items 1, 4 and 6 are unread and 5 unread items in all.
    static func loaded() -> AppState {
        var state = ReducerTests.loaded()
        for n in [1, 4, 6] { state.overview.window.rows[n].isRead = false }
        state.header?.unreadCount = 3
        return state
    }

    static func reloadEffect(_ state: AppState) -> Effect {
        .loadOverview(uri: uri, filter: state.overview.filter, sort: state.overview.sort,
                      revision: state.overview.revision + 1, windowSize: itemWindowSize)
    }

    @Test func startingRecordsTheOpeningAndItsAnswerSetsWhatCountsAsNew() {
        var store = TestStore(Self.loaded())
        let before = Date(timeIntervalSince1970: 500)
        store.send(.collectionOpened(uri: Self.uri, previous: before)) { $0.overview.lastOpened = before }
        store.send(.collectionOpened(uri: "http://data.europa.eu/w21/other", previous: nil))
        var row = ReducerTests.rows(0..<1)[0]
        row.firstSeen = Date(timeIntervalSince1970: 600)
        #expect(row.isNew(since: store.state.overview.lastOpened))
    }

    @Test func openingAnUnreadItemMarksItReadAndTheHeaderFollows() {
        var store = TestStore(Self.loaded())
        store.send(.moveDown) { $0.overview.cursor.selection = 1 }
        store.send(.open, effects: [.loadItem(collectionURI: Self.uri, id: "item-1")])
        store.receive(.itemLoaded(ReducerTests.detail(1)), from: .loadItem(collectionURI: Self.uri, id: "item-1"),
                      effects: [.setRead(collectionURI: Self.uri, ids: ["item-1"], read: true)]) {
            $0.overview.openedItem = ReducerTests.detail(1)
            $0.overview.window.rows[1].isRead = true
        }
        let reload = Self.reloadEffect(store.state)
        store.receive(.readStateSaved(uri: Self.uri, unreadCount: 2), from: .setRead(collectionURI: Self.uri, ids: ["item-1"], read: true),
                      effects: [reload]) {
            $0.header?.unreadCount = 2
            $0.overview.revision += 1
        }
    }

    @Test func openingAReadItemWritesNothing() {
        var store = TestStore(Self.loaded())
        store.send(.open, effects: [.loadItem(collectionURI: Self.uri, id: "item-0")])
        store.receive(.itemLoaded(ReducerTests.detail(0)), from: .loadItem(collectionURI: Self.uri, id: "item-0")) {
            $0.overview.openedItem = ReducerTests.detail(0)
        }
    }

    @Test func mTogglesTheSelectedRowAndTheOpenedItem() {
        var store = TestStore(Self.loaded())
        store.send(.toggleRead, effects: [.setRead(collectionURI: Self.uri, ids: ["item-0"], read: false)]) {
            $0.overview.window.rows[0].isRead = false
            $0.status = StatusMessage(.info, "Marked unread")
        }
        store.send(.toggleRead, effects: [.setRead(collectionURI: Self.uri, ids: ["item-0"], read: true)]) {
            $0.overview.window.rows[0].isRead = true
            $0.status = StatusMessage(.info, "Marked read")
        }
        // An info message ends with the next command.
        store.send(.open, effects: [.loadItem(collectionURI: Self.uri, id: "item-0")]) { $0.status = nil }
        store.receive(.itemLoaded(ReducerTests.detail(0)), from: .loadItem(collectionURI: Self.uri, id: "item-0")) {
            $0.overview.openedItem = ReducerTests.detail(0)
        }
        store.send(.toggleRead, effects: [.setRead(collectionURI: Self.uri, ids: ["item-0"], read: false)]) {
            $0.overview.window.rows[0].isRead = false
            $0.status = StatusMessage(.info, "Marked unread")
        }
    }

    @Test func nAndCapitalNAskTheCacheAndMoveToWhatItFinds() {
        var store = TestStore(Self.loaded())
        let next = Effect.findUnread(collectionURI: Self.uri, filter: .none, sort: .newest, revision: 0, from: 0, backward: false)
        store.send(.nextUnread, effects: [next])
        store.receive(.unreadFound(revision: 0, offset: 4), from: next) { $0.overview.cursor.selection = 4 }
        let previous = Effect.findUnread(collectionURI: Self.uri, filter: .none, sort: .newest, revision: 0, from: 4, backward: true)
        store.send(.previousUnread, effects: [previous])
        store.receive(.unreadFound(revision: 0, offset: 1), from: previous) { $0.overview.cursor.selection = 1 }
        store.send(.nextUnread, effects: [.findUnread(collectionURI: Self.uri, filter: .none, sort: .newest, revision: 0, from: 1, backward: false)])
        // Far down the list: the window there is asked for.
        var far = TestStore(ReducerTests.loaded(count: 500))
        let jump = Effect.findUnread(collectionURI: Self.uri, filter: .none, sort: .newest, revision: 0, from: 0, backward: false)
        far.send(.nextUnread, effects: [jump])
        far.receive(.unreadFound(revision: 0, offset: 300), from: jump,
                    effects: [.loadItemWindow(collectionURI: Self.uri, filter: .none, sort: .newest, revision: 0, offset: 236, limit: itemWindowSize)]) {
            $0.overview.cursor = ListCursor(selection: 300, scrollTop: 291)
        }
    }

    @Test func nWithNothingUnreadSaysSoAndAStaleAnswerIsDropped() {
        var store = TestStore(Self.loaded())
        store.send(.unreadFound(revision: 0, offset: nil)) { $0.status = StatusMessage(.info, "No unread items") }
        store.send(.unreadFound(revision: 7, offset: 3))
    }

    @Test func capitalAAsksWithTheCountThenMarksWhatTheFilterShows() {
        var store = TestStore(Self.loaded())
        let dialog = MarkAllReadDialog(collectionURI: Self.uri, filter: .none, count: 8)
        #expect(dialog.question == "Mark all 8 items of this collection as read?")
        store.send(.markAllRead) { $0.modal = .markAllRead(dialog, over: .none) }
        #expect(store.state.focus == .dialog)
        store.send(.confirm, effects: [.markAllRead(collectionURI: Self.uri, filter: .none)]) {
            $0.modal = .none
            $0.status = StatusMessage(.busy, "Marking read…")
        }
        let reload = Self.reloadEffect(store.state)
        store.receive(.allMarkedRead(uri: Self.uri, marked: 3, unreadCount: 0), from: .markAllRead(collectionURI: Self.uri, filter: .none),
                      effects: [reload]) {
            $0.header?.unreadCount = 0
            $0.overview.revision += 1
            $0.status = StatusMessage(.info, "Marked 3 items read")
        }
    }

    @Test func capitalAUnderAFilterSaysSoAndCancelChangesNothing() {
        var state = Self.loaded()
        state.overview.filter = ItemFilter(kinds: [.news])
        var store = TestStore(state)
        let dialog = MarkAllReadDialog(collectionURI: Self.uri, filter: ItemFilter(kinds: [.news]), count: 8)
        #expect(dialog.question == "Mark all 8 items the current filter shows as read?")
        #expect(MarkAllReadDialog(collectionURI: Self.uri, filter: .none, count: 1).question == "Mark the 1 item of this collection as read?")
        store.send(.markAllRead) { $0.modal = .markAllRead(dialog, over: .none) }
        store.send(.cancelDialog) {
            $0.modal = .none
            $0.status = StatusMessage(.info, "Cancelled")
        }
        var empty = TestStore(ReducerTests.loaded(count: 0))
        empty.send(.markAllRead) { $0.status = StatusMessage(.info, "Nothing to mark read") }
    }

    @Test func theUnreadFilterClosesTheTypeSectionAndTogglesReadState() {
        var store = TestStore(FilterReducerTests.loaded())
        store.send(.unreadCounted(revision: store.state.overview.revision, count: 5)) { $0.overview.unreadCount = 5 }
        let rows = store.state.overview.facetRows
        #expect(Array(rows.prefix(4)) == [.heading("Type"), .kind(.news, count: 7, selected: false),
                                          .kind(.event, count: 1, selected: false), .unread(count: 5, selected: false)])
        store.send(.focusFilters) { $0.overview.paneFocus = .filters }
        store.send(.moveDown) { $0.overview.facetCursor.selection = 2 }
        store.send(.moveDown) { $0.overview.facetCursor.selection = 3 }
        let selecting = FilterReducerTests.reloading(store) { $0.overview.filter.readState = .unread }
        store.send(.toggleFilter, effects: selecting.effects, selecting.update)
        // No unread item left: the row stays while it is selected, so it can be undone.
        store.send(.unreadCounted(revision: store.state.overview.revision, count: 0)) { $0.overview.unreadCount = 0 }
        #expect(store.state.overview.facetRows[3] == .unread(count: 0, selected: true))
        let clearing = FilterReducerTests.reloading(store) { $0.overview.filter.readState = nil }
        store.send(.toggleFilter, effects: clearing.effects, clearing.update)
        #expect(!store.state.overview.facetRows.contains(.unread(count: 0, selected: false)))
    }
}
