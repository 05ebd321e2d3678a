import Foundation
import JoinupCache
import JoinupModel
import JoinupSync
import JoinupTestSupport
import Testing
@testable import JoinupStore

/// Reducer tests read like a user's session: each step sends an action and states everything it
/// changed and every effect it started (the test store fails on anything unstated).
@Suite struct ReducerTests {
    static let uri = "http://data.europa.eu/w21/test"

    static func rows(_ range: Range<Int>) -> [ItemSummary] {
        range.map { n in
            ItemSummary(id: "item-\(n)", kind: .news, title: "Item \(n)", listDate: Date(timeIntervalSince1970: Double(1_000_000 - n)),
                        leadingTopics: ["ICT"], moreTopicCount: 0)
        }
    }

    /// A browser that has loaded a collection of `count` items with a 10-row list.
    static func loaded(count: Int = 8, members: Int = 59) -> AppState {
        var state = AppState()
        _ = reduce(&state, .started(collectionURI: uri))
        _ = reduce(&state, .viewportChanged(viewport))
        let people = (0..<members).map { n in
            Member(id: "m\(n)", name: "Person \(n)", businessTitle: "", organisation: "", roles: [.member],
                   state: .active, memberSince: Date(timeIntervalSince1970: 0))
        }
        let header = CollectionHeader(uri: uri, alias: "test", title: "Test", lastUpdate: Date(timeIntervalSince1970: 0),
                                      memberCount: members, kindCounts: [.news: count], membership: nil, origin: .embeddedSnapshot)
        _ = reduce(&state, .collectionLoaded(header: header, about: aboutFixture, aboutTopics: []))
        _ = reduce(&state, .membersLoaded(role: nil, nameQuery: "", members: people, roleCounts: [.member: members]))
        _ = reduce(&state, .overviewLoaded(revision: state.overview.revision, facets: [], kindCounts: [.news: count], itemCount: count,
                                           window: ItemWindow(offset: 0, rows: rows(0..<min(count, itemWindowSize)))))
        return state
    }

    static let aboutFixture = Collection.fixture(uri: uri, site: nil)

    static let viewport = Viewport(width: 100, height: 30, listRows: 10, memberRows: 20, detailMaxScroll: 7, aboutMaxScroll: 12,
                                   aboutRows: 25, facetRows: 20, helpMaxScroll: 30, helpRows: 20, pickerRows: 20)

    static func detail(_ n: Int, link: String = "https://x") -> ItemDetail {
        let item = Item(id: "item-\(n)", collectionURI: uri, kind: .news, title: "Item \(n)", link: link, body: "b",
                        author: "a", published: Date(timeIntervalSince1970: 0), topicURIs: [])
        return ItemDetail(item: item, topics: [])
    }

    /// Starts the browser on the test collection: it shows "Loading…" and asks for everything.
    static func start(_ store: inout TestStore) {
        store.send(.started(collectionURI: uri),
                   effects: [.restoreView(uri: uri), .loadCollection(uri: uri), .observeCache, .loadAccount, .outboxTimer,
                             .recordOpening(uri: uri)]) {
            $0.collectionURI = uri
            $0.status = StatusMessage(.busy, "Loading…")
        }
    }

    @Test func startingAsksForTheCollectionAndShowsLoading() {
        var store = TestStore()
        Self.start(&store)
        #expect(store.state.focus == .itemList)
    }

    @Test func aRestoredViewLoadsTheOverviewAndMembersAndTheOverviewClearsLoading() {
        var store = TestStore()
        Self.start(&store)
        let filter = ItemFilter(kinds: [.news])
        store.receive(.viewRestored(filter, .oldest), from: .restoreView(uri: Self.uri),
                      effects: [.loadOverview(uri: Self.uri, filter: filter, sort: .oldest, revision: 1, windowSize: itemWindowSize),
                                .loadMembers(uri: Self.uri, role: nil, nameQuery: "")]) {
            $0.overview.filter = filter
            $0.overview.sort = .oldest
            $0.overview.revision = 1
        }
        // The selected type is listed (count 0 until the counts come): the pane's cursor goes to it.
        store.send(.viewportChanged(Self.viewport)) {
            $0.viewport = Self.viewport
            $0.overview.facetCursor.selection = 1
        }
        let window = ItemWindow(offset: 0, rows: Self.rows(0..<3))
        store.receive(.overviewLoaded(revision: 1, facets: [], kindCounts: [.news: 3], itemCount: 3, window: window),
                      from: .loadOverview(uri: Self.uri, filter: filter, sort: .oldest, revision: 1, windowSize: itemWindowSize)) {
            $0.overview.kindCounts = [.news: 3]
            $0.overview.itemCount = 3
            $0.overview.window = window
            $0.status = nil
        }
        // An answer for an older revision is dropped.
        store.send(.overviewLoaded(revision: 0, facets: [], kindCounts: [:], itemCount: 0, window: ItemWindow()))
    }

    @Test func loadingTheOverviewClearsLoadingStatus() {
        let state = Self.loaded()
        #expect(state.status == nil)
        #expect(state.overview.itemCount == 8)
        #expect(state.members.members.count == 59)
    }

    @Test func downAndUpMoveTheSelectionWithinTheList() {
        var store = TestStore(Self.loaded())
        store.send(.moveDown) { $0.overview.cursor.selection = 1 }
        store.send(.moveDown) { $0.overview.cursor.selection = 2 }
        store.send(.moveUp) { $0.overview.cursor.selection = 1 }
        store.send(.moveUp) { $0.overview.cursor.selection = 0 }
        store.send(.moveUp)
        store.send(.moveToBottom) { $0.overview.cursor.selection = 7 }
        store.send(.moveDown)
    }

    @Test func pageDownMovesOneScreenAndScrolls() {
        var store = TestStore(Self.loaded(count: 100))
        store.send(.pageDown) { $0.overview.cursor = ListCursor(selection: 10, scrollTop: 1) }
        store.send(.pageDown) { $0.overview.cursor = ListCursor(selection: 20, scrollTop: 11) }
        store.send(.pageUp) { $0.overview.cursor = ListCursor(selection: 10, scrollTop: 10) }
    }

    @Test func topAndBottomJumpToTheEnds() {
        var store = TestStore(Self.loaded(count: 100))
        store.send(.moveToBottom) { $0.overview.cursor = ListCursor(selection: 99, scrollTop: 90) }
        store.send(.moveToTop) { $0.overview.cursor = ListCursor(selection: 0, scrollTop: 0) }
    }

    @Test func scrollingPastTheLoadedWindowAsksForRowsAroundIt() {
        var store = TestStore(Self.loaded(count: 1000))
        let revision = store.state.overview.revision
        let load = Effect.loadItemWindow(collectionURI: Self.uri, filter: .none, sort: .newest, revision: revision,
                                         offset: 935, limit: itemWindowSize)
        store.send(.moveToBottom, effects: [load]) { $0.overview.cursor = ListCursor(selection: 999, scrollTop: 990) }
        #expect(store.state.overview.selectedRow == nil)
        let window = ItemWindow(offset: 935, rows: Self.rows(935..<1000))
        store.receive(.itemWindowLoaded(revision: revision, window), from: load) { $0.overview.window = window }
        #expect(store.state.overview.selectedRow?.title == "Item 999")
        store.send(.moveUp) { $0.overview.cursor.selection = 998 }
    }

    @Test func enterOpensTheSelectedItemAndEscapeReturnsWithSelectionKept() {
        var store = TestStore(Self.loaded())
        store.send(.moveDown) { $0.overview.cursor.selection = 1 }
        store.send(.moveDown) { $0.overview.cursor.selection = 2 }
        store.send(.open, effects: [.loadItem(collectionURI: Self.uri, id: "item-2")])
        store.receive(.itemLoaded(Self.detail(2)), from: .loadItem(collectionURI: Self.uri, id: "item-2")) {
            $0.overview.openedItem = Self.detail(2)
        }
        #expect(store.state.focus == .itemDetail)
        store.send(.moveDown) { $0.overview.detailScroll = 1 }
        store.send(.moveDown) { $0.overview.detailScroll = 2 }
        store.send(.moveToBottom) { $0.overview.detailScroll = 7 }
        store.send(.pageDown)
        store.send(.back) {
            $0.overview.openedItem = nil
            $0.overview.detailScroll = 0
        }
        #expect(store.state.focus == .itemList)
    }

    @Test func enterOnAnEmptyListDoesNothing() {
        var store = TestStore(Self.loaded(count: 0))
        store.send(.open)
        #expect(store.state.focus == .itemList)
    }

    @Test func tabsCycleBothWaysAndDigitsJump() {
        var store = TestStore(Self.loaded())
        store.send(.nextTab) { $0.tab = .members }
        store.send(.nextTab) { $0.tab = .about }
        store.send(.nextTab) { $0.tab = .overview }
        store.send(.previousTab) { $0.tab = .about }
        store.send(.showTab(.members)) { $0.tab = .members }
        #expect(store.state.focus == .members)
        store.send(.showTab(.overview)) { $0.tab = .overview }
        #expect(store.state.focus == .itemList)
    }

    @Test func membersScrollWithTheirOwnCursor() {
        var store = TestStore(Self.loaded())
        store.send(.showTab(.members)) { $0.tab = .members }
        store.send(.pageDown) { $0.members.cursor = ListCursor(selection: 20, scrollTop: 1) }
        store.send(.pageDown) { $0.members.cursor = ListCursor(selection: 40, scrollTop: 21) }
        store.send(.moveToBottom) { $0.members.cursor = ListCursor(selection: 58, scrollTop: 39) }
    }

    @Test func aboutScrollsWithinItsText() {
        var store = TestStore(Self.loaded())
        store.send(.showTab(.about)) { $0.tab = .about }
        store.send(.moveDown) { $0.about.scroll = 1 }
        store.send(.moveToBottom) { $0.about.scroll = 12 }
        store.send(.moveDown)
        store.send(.moveToTop) { $0.about.scroll = 0 }
    }

    @Test func helpScrollsWithTheMovementKeysAndStartsAtTheTop() {
        var store = TestStore(Self.loaded())
        store.send(.toggleHelp) { $0.modal = .help(HelpState(), over: .none) }
        store.send(.moveDown) { $0.modal = .help(HelpState(scroll: 1), over: .none) }
        store.send(.moveDown) { $0.modal = .help(HelpState(scroll: 2), over: .none) }
        store.send(.moveToTop) { $0.modal = .help(HelpState(), over: .none) }
        // As far as the view measured, and back at once (no offset beyond what shows).
        store.send(.moveToBottom) { $0.modal = .help(HelpState(scroll: 30), over: .none) }
        store.send(.moveDown)
        store.send(.moveUp) { $0.modal = .help(HelpState(scroll: 29), over: .none) }
        store.send(.pageUp) { $0.modal = .help(HelpState(scroll: 9), over: .none) }
        store.send(.moveToTop) { $0.modal = .help(HelpState(), over: .none) }
        store.send(.moveDown) { $0.modal = .help(HelpState(scroll: 1), over: .none) }
        store.send(.toggleHelp) { $0.modal = .none }
        store.send(.toggleHelp) { $0.modal = .help(HelpState(), over: .none) }
    }

    @Test func helpTakesTheKeysUntilClosed() {
        var store = TestStore(Self.loaded())
        store.send(.toggleHelp) { $0.modal = .help(HelpState(), over: .none) }
        #expect(store.state.focus == .help)
        store.send(.moveDown) { $0.modal = .help(HelpState(scroll: 1), over: .none) }
        store.send(.nextTab)
        store.send(.back) { $0.modal = .none }
        #expect(store.state.focus == .itemList)
    }

    @Test func helpOverThePickerGivesThePickerBack() {
        var store = TestStore(Self.loaded())
        store.send(.toggleCollectionPicker, effects: [.listCollections]) { $0.modal = .picker(CollectionsBrowser()) }
        store.send(.toggleHelp) { $0.modal = .help(HelpState(), over: .picker(CollectionsBrowser())) }
        #expect(store.state.focus == .help)
        store.send(.toggleHelp) { $0.modal = .picker(CollectionsBrowser()) }
        #expect(store.state.focus == .picker)
    }

    @Test func quitWorksFromEverywhere() {
        for (setup, modal) in [(Command.showTab(.members), Modal.none), (.showTab(.about), .none),
                               (.toggleHelp, .help(HelpState(), over: .none))] {
            var store = TestStore(Self.loaded())
            store.send(setup) {
                if case .showTab(let tab) = setup { $0.tab = tab }
                $0.modal = modal
            }
            store.send(.quit) { $0.isQuitting = true }
        }
    }

    @Test func shrinkingTheScreenKeepsTheSelectionVisible() {
        var store = TestStore(Self.loaded(count: 100))
        for n in 1...9 { store.send(.moveDown) { $0.overview.cursor.selection = n } }
        let small = Viewport(width: 60, height: 20, listRows: 4, memberRows: 10, detailMaxScroll: 3, facetRows: 8)
        store.send(.viewportChanged(small)) {
            $0.viewport = small
            $0.overview.cursor = ListCursor(selection: 9, scrollTop: 6)
            $0.members.cursor = ListCursor(selection: 0, scrollTop: 0)
        }
    }

    @Test func joinOpensTheConfirmationInsteadOfSendingAtOnce() {
        var store = TestStore(Self.loaded())
        let request = MembershipRequest(collectionAlias: "test", collectionURI: Self.uri, collectionTitle: "Test", kind: .join)
        store.send(.join) { $0.modal = .dialog(MembershipDialog(request: request, isClosed: false, isSignedIn: false), over: .none) }
        #expect(store.state.focus == .dialog)
    }

    @Test func syncWithoutARemoteSaysHowToConfigureOne() {
        var store = TestStore(Self.loaded())
        store.send(.sync) { $0.status = StatusMessage(.error, noRemoteMessage) }
        #expect(store.state.status?.text.contains("--remote URL") == true)
    }

    @Test func syncRunsInTheBackgroundReportsProgressThenTheOutcome() {
        var store = TestStore(Self.loaded())
        let remote = "http://127.0.0.1:8080"
        store.assume { $0.remote = remote }
        store.send(.sync, effects: [.sync(remote: remote)]) {
            $0.isSyncing = true
            $0.status = StatusMessage(.busy, "Syncing from \(remote)…")
        }
        // A second r while it runs starts nothing.
        store.send(.sync) { $0.status = StatusMessage(.busy, "A sync is already running…") }
        // Keys keep working meanwhile.
        store.send(.moveDown) { $0.overview.cursor.selection = 1 }
        store.receive(.syncProgressed(SyncProgress(alias: "ec-ospo", resourcesDone: 3, resourcesTotal: 5, itemsSoFar: 8)),
                      from: .sync(remote: remote)) {
            $0.status = StatusMessage(.busy, "Syncing ec-ospo: 3/5 documents · 8 items")
        }
        store.send(.syncFinished(SyncSummary(finishedAt: "14:02", newItems: 3, updatedItems: 1))) {
            $0.isSyncing = false
            $0.status = StatusMessage(.success, "Synced 14:02 · 3 new, 1 updated")
        }
        // Progress arriving late, after the end, does not bring the busy line back.
        store.send(.syncProgressed(SyncProgress(alias: "x", resourcesDone: 1, resourcesTotal: 1, itemsSoFar: 0)))
    }

    /// Items a sync left out are never silent: the status line counts them with their reasons.
    @Test func aSyncThatSkippedItemsSaysHowManyAndWhy() {
        var initial = AppState()
        initial.isSyncing = true
        var store = TestStore(initial)
        var summary = SyncSummary(finishedAt: "14:02", newItems: 997)
        for (n, reason) in [(1, FeedParseError.Reason.invalidValue(field: "pubDate", value: "x", context: "item 1")),
                            (2, .invalidValue(field: "ev:enddate", value: "y", context: "item 2")),
                            (3, .missingField(field: "guid or link", context: "item 3"))] {
            summary.skipped.record(FeedParseError(resource: "feed.xml", reason: reason), id: n == 3 ? nil : "\(n)")
        }
        store.send(.syncFinished(summary)) {
            $0.isSyncing = false
            $0.status = StatusMessage(.warning, "Synced 14:02 · 997 new, 3 items skipped (2 invalid date, 1 no guid or link)"
                                      + " — first: feed.xml: item 1 has an invalid pubDate \"x\"")
        }
    }

    /// `sync_interval`: a timer from the start; each that runs out starts a sync and the next timer.
    @Test func aSyncIntervalTimesThePeriodicSyncWithTimerEffects() {
        let remote = "http://127.0.0.1:8080"
        var initial = AppState()
        initial.remote = remote
        initial.syncInterval = 900
        var store = TestStore(initial)
        store.send(.started(collectionURI: Self.uri),
                   effects: [.restoreView(uri: Self.uri), .loadCollection(uri: Self.uri), .observeCache, .loadAccount, .outboxTimer,
                             .syncTimer(seconds: 900), .recordOpening(uri: Self.uri)]) {
            $0.collectionURI = Self.uri
            $0.status = StatusMessage(.busy, "Loading…")
        }
        // Due while help is open: it is not a key, so help does not swallow it.
        store.send(.toggleHelp) { $0.modal = .help(HelpState(), over: .none) }
        store.receive(.syncDue, from: .syncTimer(seconds: 900), effects: [.sync(remote: remote), .syncTimer(seconds: 900)]) {
            $0.isSyncing = true
            $0.status = StatusMessage(.busy, "Syncing from \(remote)…")
        }
        // Due again while that sync runs: it stands for this one; only the next timer starts.
        store.receive(.syncDue, from: .syncTimer(seconds: 900), effects: [.syncTimer(seconds: 900)])
    }

    @Test func noSyncTimerWithoutAnIntervalOrARemote() {
        var intervalOnly = AppState()
        intervalOnly.syncInterval = 900
        var store = TestStore(intervalOnly)
        Self.start(&store)
        var remoteOnly = AppState()
        remoteOnly.remote = "http://127.0.0.1:8080"
        store = TestStore(remoteOnly)
        Self.start(&store)
    }

    @Test func failedSyncShowsTheFirstErrorAndHowManyMoreAndKeepsThemAll() {
        var store = TestStore(Self.loaded())
        store.assume { $0.remote = "http://127.0.0.1:1" }
        store.send(.sync, effects: [.sync(remote: "http://127.0.0.1:1")]) {
            $0.isSyncing = true
            $0.status = StatusMessage(.busy, "Syncing from http://127.0.0.1:1…")
        }
        store.send(.syncFinished(SyncSummary(finishedAt: "14:02", failures: ["directory: connection refused", "b: 500"]))) {
            $0.isSyncing = false
            $0.status = StatusMessage(.error, "Sync failed: directory: connection refused (and 1 more) — b: 500")
        }
    }

    @Test func cacheChangeReloadsTheCollectionKeepingTheSelection() {
        var store = TestStore(Self.loaded())
        store.send(.moveDown) { $0.overview.cursor.selection = 1 }
        let revision = store.state.overview.revision + 1
        let load = Effect.loadOverview(uri: Self.uri, filter: .none, sort: .newest, revision: revision, windowSize: itemWindowSize)
        store.send(.cacheChanged, effects: [.loadCollection(uri: Self.uri), load,
                                            .loadMembers(uri: Self.uri, role: nil, nameQuery: "")]) {
            $0.overview.revision = revision
        }
        let window = ItemWindow(offset: 0, rows: Self.rows(0..<9))
        store.receive(.overviewLoaded(revision: revision, facets: [], kindCounts: [:], itemCount: 9, window: window), from: load) {
            $0.overview.kindCounts = [:]
            $0.overview.itemCount = 9
            $0.overview.window = window
            $0.overview.facetCursor = ListCursor()
        }
    }

    @Test func pickerListsCollectionsAndSwitchesOnEnter() {
        var store = TestStore(Self.loaded())
        store.send(.toggleCollectionPicker, effects: [.listCollections]) { $0.modal = .picker(CollectionsBrowser()) }
        #expect(store.state.focus == .picker)
        let other = CachedCollection(uri: "http://data.europa.eu/w21/other", alias: "other", title: "Another", itemCount: 12)
        let mine = CachedCollection(uri: Self.uri, alias: "test", title: "Test", itemCount: 8)
        var picker = CollectionsBrowser(catalog: .cached([other, mine]))
        picker.cursor.selection = 1  // starts on the open collection
        store.receive(.collectionsListed(.cached([other, mine])), from: .listCollections) { $0.modal = .picker(picker) }
        // Tabs don't switch under the picker; movement moves its cursor.
        store.send(.nextTab)
        picker.cursor.selection = 0
        store.send(.moveUp) { $0.modal = .picker(picker) }
        #expect(store.state.modal.picker?.selected?.collection.uri == other.uri)
        store.send(.open, effects: [.restoreView(uri: other.uri), .loadCollection(uri: other.uri), .recordOpening(uri: other.uri)]) {
            $0.modal = .none
            $0.collectionURI = other.uri
            $0.header = nil
            $0.about = AboutState()
            $0.overview = OverviewState()
            $0.members = MembersState()
            $0.status = StatusMessage(.busy, "Loading…")
        }
    }

    @Test func pickerClosesWithEscapeOrCAndChoosingTheSameCollectionDoesNothing() {
        var store = TestStore(Self.loaded())
        store.send(.toggleCollectionPicker, effects: [.listCollections]) { $0.modal = .picker(CollectionsBrowser()) }
        store.send(.back) { $0.modal = .none }
        store.send(.toggleCollectionPicker, effects: [.listCollections]) { $0.modal = .picker(CollectionsBrowser()) }
        store.send(.toggleCollectionPicker) { $0.modal = .none }
        store.send(.toggleCollectionPicker, effects: [.listCollections]) { $0.modal = .picker(CollectionsBrowser()) }
        let mine = CachedCollection(uri: Self.uri, alias: "test", title: "Test")
        store.receive(.collectionsListed(.cached([mine])), from: .listCollections) { $0.modal = .picker(CollectionsBrowser(catalog: .cached([mine]))) }
        store.send(.open) { $0.modal = .none }
    }

    @Test func aSyncUnderThePickerRefreshesItsList() {
        var store = TestStore(Self.loaded())
        store.send(.toggleCollectionPicker, effects: [.listCollections]) { $0.modal = .picker(CollectionsBrowser()) }
        let revision = store.state.overview.revision + 1
        store.send(.cacheChanged, effects: [
            .loadCollection(uri: Self.uri),
            .loadOverview(uri: Self.uri, filter: .none, sort: .newest, revision: revision, windowSize: itemWindowSize),
            .loadMembers(uri: Self.uri, role: nil, nameQuery: ""), .listCollections,
        ]) { $0.overview.revision = revision }
    }

    @Test func failuresReachTheStatusLine() {
        var store = TestStore(Self.loaded())
        store.send(.loadFailed("Cache error: disk I/O error")) { $0.status = StatusMessage(.error, "Cache error: disk I/O error") }
    }
}
