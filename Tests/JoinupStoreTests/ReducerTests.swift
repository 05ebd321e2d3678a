import Foundation
import JoinupCache
import JoinupModel
import JoinupSync
import JoinupTestSupport
import Testing
@testable import JoinupStore

/// Reducer tests read like a user's session: each step sends an action and checks what changed.
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
        _ = reduce(&state, .viewportChanged(Viewport(width: 100, height: 30, listRows: 10, memberRows: 20,
                                                     detailMaxScroll: 7, aboutMaxScroll: 12)))
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

    @Test func startingAsksForTheCollectionAndShowsLoading() {
        var state = AppState()
        let effects = reduce(&state, .started(collectionURI: Self.uri))
        #expect(effects == [.restoreView(uri: Self.uri), .loadCollection(uri: Self.uri), .observeCache, .loadAccount, .outboxTimer])
        #expect(state.status == StatusMessage(.busy, "Loading…"))
        #expect(state.focus == .itemList)
    }

    @Test func loadingTheOverviewClearsLoadingStatus() {
        let state = Self.loaded()
        #expect(state.status == nil)
        #expect(state.overview.itemCount == 8)
        #expect(state.members.members.count == 59)
    }

    @Test func downAndUpMoveTheSelectionWithinTheList() {
        var state = Self.loaded()
        _ = reduce(&state, .commandIssued(.moveDown))
        _ = reduce(&state, .commandIssued(.moveDown))
        #expect(state.overview.cursor.selection == 2)
        _ = reduce(&state, .commandIssued(.moveUp))
        #expect(state.overview.cursor.selection == 1)
        for _ in 0..<5 { _ = reduce(&state, .commandIssued(.moveUp)) }
        #expect(state.overview.cursor.selection == 0)
        for _ in 0..<20 { _ = reduce(&state, .commandIssued(.moveDown)) }
        #expect(state.overview.cursor.selection == 7)
    }

    @Test func pageDownMovesOneScreenAndScrolls() {
        var state = Self.loaded(count: 100)
        _ = reduce(&state, .commandIssued(.pageDown))
        #expect(state.overview.cursor.selection == 10)
        #expect(state.overview.cursor.scrollTop == 1)
        _ = reduce(&state, .commandIssued(.pageDown))
        _ = reduce(&state, .commandIssued(.pageUp))
        #expect(state.overview.cursor.selection == 10)
        #expect(state.overview.cursor.scrollTop == 10)
    }

    @Test func topAndBottomJumpToTheEnds() {
        var state = Self.loaded(count: 100)
        _ = reduce(&state, .commandIssued(.moveToBottom))
        #expect(state.overview.cursor == ListCursor(selection: 99, scrollTop: 90))
        _ = reduce(&state, .commandIssued(.moveToTop))
        #expect(state.overview.cursor == ListCursor(selection: 0, scrollTop: 0))
    }

    @Test func scrollingPastTheLoadedWindowAsksForRowsAroundIt() {
        var state = Self.loaded(count: 1000)
        let effects = reduce(&state, .commandIssued(.moveToBottom))
        #expect(effects == [.loadItemWindow(collectionURI: Self.uri, filter: .none, sort: .newest,
                                            revision: state.overview.revision, offset: 935, limit: itemWindowSize)])
        #expect(state.overview.selectedRow == nil)
        _ = reduce(&state, .itemWindowLoaded(revision: state.overview.revision, ItemWindow(offset: 935, rows: Self.rows(935..<1000))))
        #expect(state.overview.selectedRow?.title == "Item 999")
        #expect(reduce(&state, .commandIssued(.moveUp)).isEmpty)
    }

    @Test func enterOpensTheSelectedItemAndEscapeReturnsWithSelectionKept() {
        var state = Self.loaded()
        _ = reduce(&state, .commandIssued(.moveDown))
        _ = reduce(&state, .commandIssued(.moveDown))
        let effects = reduce(&state, .commandIssued(.open))
        #expect(effects == [.loadItem(collectionURI: Self.uri, id: "item-2")])
        let item = Item(id: "item-2", collectionURI: Self.uri, kind: .news, title: "Item 2", link: "https://x", body: "b",
                        author: "a", published: Date(timeIntervalSince1970: 0), topicURIs: [])
        _ = reduce(&state, .itemLoaded(ItemDetail(item: item, topics: [])))
        #expect(state.focus == .itemDetail)
        _ = reduce(&state, .commandIssued(.moveDown))
        _ = reduce(&state, .commandIssued(.moveDown))
        #expect(state.overview.detailScroll == 2)
        _ = reduce(&state, .commandIssued(.moveToBottom))
        #expect(state.overview.detailScroll == 7)
        _ = reduce(&state, .commandIssued(.pageDown))
        #expect(state.overview.detailScroll == 7)
        _ = reduce(&state, .commandIssued(.back))
        #expect(state.focus == .itemList)
        #expect(state.overview.openedItem == nil)
        #expect(state.overview.cursor.selection == 2)
    }

    @Test func enterOnAnEmptyListDoesNothing() {
        var state = Self.loaded(count: 0)
        #expect(reduce(&state, .commandIssued(.open)).isEmpty)
        #expect(state.focus == .itemList)
    }

    @Test func tabsCycleBothWaysAndDigitsJump() {
        var state = Self.loaded()
        _ = reduce(&state, .commandIssued(.nextTab))
        #expect(state.tab == .members)
        _ = reduce(&state, .commandIssued(.nextTab))
        #expect(state.tab == .about)
        _ = reduce(&state, .commandIssued(.nextTab))
        #expect(state.tab == .overview)
        _ = reduce(&state, .commandIssued(.previousTab))
        #expect(state.tab == .about)
        _ = reduce(&state, .commandIssued(.showTab(.members)))
        #expect(state.tab == .members && state.focus == .members)
        _ = reduce(&state, .commandIssued(.showTab(.overview)))
        #expect(state.focus == .itemList)
    }

    @Test func membersScrollWithTheirOwnCursor() {
        var state = Self.loaded()
        _ = reduce(&state, .commandIssued(.showTab(.members)))
        _ = reduce(&state, .commandIssued(.pageDown))
        _ = reduce(&state, .commandIssued(.pageDown))
        #expect(state.members.cursor == ListCursor(selection: 40, scrollTop: 21))
        _ = reduce(&state, .commandIssued(.moveToBottom))
        #expect(state.members.cursor == ListCursor(selection: 58, scrollTop: 39))
        #expect(state.overview.cursor.selection == 0)
    }

    @Test func aboutScrollsWithinItsText() {
        var state = Self.loaded()
        _ = reduce(&state, .commandIssued(.showTab(.about)))
        _ = reduce(&state, .commandIssued(.moveDown))
        #expect(state.aboutScroll == 1)
        _ = reduce(&state, .commandIssued(.moveToBottom))
        #expect(state.aboutScroll == 12)
        _ = reduce(&state, .commandIssued(.moveDown))
        #expect(state.aboutScroll == 12)
        _ = reduce(&state, .commandIssued(.moveToTop))
        #expect(state.aboutScroll == 0)
    }

    @Test func helpScrollsWithTheMovementKeysAndStartsAtTheTop() {
        var state = Self.loaded()
        _ = reduce(&state, .commandIssued(.toggleHelp))
        _ = reduce(&state, .commandIssued(.moveDown))
        _ = reduce(&state, .commandIssued(.moveDown))
        #expect(state.helpScroll == 2)
        _ = reduce(&state, .commandIssued(.moveToTop))
        #expect(state.helpScroll == 0)
        _ = reduce(&state, .commandIssued(.moveDown))
        _ = reduce(&state, .commandIssued(.toggleHelp))
        _ = reduce(&state, .commandIssued(.toggleHelp))
        #expect(state.helpScroll == 0)
    }

    @Test func helpTakesTheKeysUntilClosed() {
        var state = Self.loaded()
        _ = reduce(&state, .commandIssued(.toggleHelp))
        #expect(state.focus == .help)
        _ = reduce(&state, .commandIssued(.moveDown))
        _ = reduce(&state, .commandIssued(.nextTab))
        #expect(state.overview.cursor.selection == 0 && state.tab == .overview)
        #expect(state.helpScroll == 1)
        _ = reduce(&state, .commandIssued(.back))
        #expect(state.focus == .itemList)
        _ = reduce(&state, .commandIssued(.toggleHelp))
        _ = reduce(&state, .commandIssued(.toggleHelp))
        #expect(!state.isHelpVisible)
    }

    @Test func quitWorksFromEverywhere() {
        for focusSetup in [Command.showTab(.members), .showTab(.about), .toggleHelp] {
            var state = Self.loaded()
            _ = reduce(&state, .commandIssued(focusSetup))
            _ = reduce(&state, .commandIssued(.quit))
            #expect(state.isQuitting)
        }
    }

    @Test func shrinkingTheScreenKeepsTheSelectionVisible() {
        var state = Self.loaded(count: 100)
        for _ in 0..<9 { _ = reduce(&state, .commandIssued(.moveDown)) }
        _ = reduce(&state, .viewportChanged(Viewport(width: 60, height: 20, listRows: 4, memberRows: 10, detailMaxScroll: 3)))
        #expect(state.overview.cursor == ListCursor(selection: 9, scrollTop: 6))
    }

    @Test func joinOpensTheConfirmationInsteadOfSendingAtOnce() {
        var state = Self.loaded()
        #expect(reduce(&state, .commandIssued(.join)).isEmpty)
        #expect(state.focus == .dialog)
    }

    @Test func syncWithoutARemoteSaysHowToConfigureOne() {
        var state = Self.loaded()
        #expect(reduce(&state, .commandIssued(.sync)).isEmpty)
        #expect(state.status?.kind == .error)
        #expect(state.status?.text.contains("--remote URL") == true)
        #expect(!state.isSyncing)
    }

    @Test func syncRunsInTheBackgroundReportsProgressThenTheOutcome() {
        var state = Self.loaded()
        state.remote = "http://127.0.0.1:8080"
        #expect(reduce(&state, .commandIssued(.sync)) == [.sync(remote: "http://127.0.0.1:8080")])
        #expect(state.isSyncing && state.status?.kind == .busy)
        // A second r while it runs starts nothing.
        #expect(reduce(&state, .commandIssued(.sync)).isEmpty)
        // Keys keep working meanwhile.
        _ = reduce(&state, .commandIssued(.moveDown))
        #expect(state.overview.cursor.selection == 1)
        _ = reduce(&state, .syncProgressed(SyncProgress(alias: "ec-ospo", resourcesDone: 3, resourcesTotal: 5, itemsSoFar: 8)))
        #expect(state.status == StatusMessage(.busy, "Syncing ec-ospo: 3/5 documents · 8 items"))
        _ = reduce(&state, .syncFinished(SyncSummary(finishedAt: "14:02", newItems: 3, updatedItems: 1)))
        #expect(!state.isSyncing)
        #expect(state.status == StatusMessage(.info, "Synced 14:02 · 3 new, 1 updated"))
        // Progress arriving late, after the end, does not bring the busy line back.
        _ = reduce(&state, .syncProgressed(SyncProgress(alias: "x", resourcesDone: 1, resourcesTotal: 1, itemsSoFar: 0)))
        #expect(state.status?.kind == .info)
    }

    @Test func failedSyncShowsTheFirstErrorAndHowManyMore() {
        var state = Self.loaded()
        state.remote = "http://127.0.0.1:1"
        _ = reduce(&state, .commandIssued(.sync))
        _ = reduce(&state, .syncFinished(SyncSummary(finishedAt: "14:02", failures: ["directory: connection refused", "b: 500"])))
        #expect(state.status == StatusMessage(.error, "Sync failed: directory: connection refused (and 1 more)"))
    }

    @Test func cacheChangeReloadsTheCollectionKeepingTheSelection() {
        var state = Self.loaded()
        _ = reduce(&state, .commandIssued(.moveDown))
        let effects = reduce(&state, .cacheChanged)
        #expect(effects == [.loadCollection(uri: Self.uri),
                            .loadOverview(uri: Self.uri, filter: .none, sort: .newest, revision: state.overview.revision,
                                          windowSize: itemWindowSize),
                            .loadMembers(uri: Self.uri, role: nil, nameQuery: "")])
        _ = reduce(&state, .overviewLoaded(revision: state.overview.revision, facets: [], kindCounts: [:], itemCount: 9,
                                           window: ItemWindow(offset: 0, rows: Self.rows(0..<9))))
        #expect(state.overview.cursor.selection == 1)
        #expect(state.overview.itemCount == 9)
    }

    @Test func pickerListsCollectionsAndSwitchesOnEnter() {
        var state = Self.loaded()
        #expect(reduce(&state, .commandIssued(.toggleCollectionPicker)) == [.listCollections])
        #expect(state.focus == .picker)
        let other = CachedCollection(uri: "http://data.europa.eu/w21/other", alias: "other", title: "Another", itemCount: 12)
        let mine = CachedCollection(uri: Self.uri, alias: "test", title: "Test", itemCount: 8)
        _ = reduce(&state, .collectionsListed(.cached([other, mine])))
        #expect(state.picker?.cursor.selection == 1)  // starts on the open collection
        // Tabs don't switch under the picker; movement moves its cursor.
        _ = reduce(&state, .commandIssued(.nextTab))
        #expect(state.tab == .overview)
        _ = reduce(&state, .commandIssued(.moveUp))
        #expect(state.picker?.selected?.collection.uri == other.uri)
        let effects = reduce(&state, .commandIssued(.open))
        #expect(effects == [.restoreView(uri: other.uri), .loadCollection(uri: other.uri)])
        #expect(state.picker == nil && state.collectionURI == other.uri)
        #expect(state.header == nil && state.overview.itemCount == 0 && state.members.members.isEmpty)
    }

    @Test func pickerClosesWithEscapeOrCAndChoosingTheSameCollectionDoesNothing() {
        var state = Self.loaded()
        _ = reduce(&state, .commandIssued(.toggleCollectionPicker))
        _ = reduce(&state, .commandIssued(.back))
        #expect(state.picker == nil)
        _ = reduce(&state, .commandIssued(.toggleCollectionPicker))
        _ = reduce(&state, .commandIssued(.toggleCollectionPicker))
        #expect(state.picker == nil)
        _ = reduce(&state, .commandIssued(.toggleCollectionPicker))
        _ = reduce(&state, .collectionsListed(.cached([CachedCollection(uri: Self.uri, alias: "test", title: "Test")])))
        #expect(reduce(&state, .commandIssued(.open)).isEmpty)
        #expect(state.picker == nil && state.header != nil)
    }

    @Test func failuresReachTheStatusLine() {
        var state = Self.loaded()
        _ = reduce(&state, .loadFailed("Cache error: disk I/O error"))
        #expect(state.status == StatusMessage(.error, "Cache error: disk I/O error"))
    }
}
