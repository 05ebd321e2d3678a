import Foundation
import JoinupCache
import JoinupModel
import JoinupTestSupport
import Testing
@testable import JoinupStore

/// The collections browser (`c`) through the root reducer, on the exhaustive TestStore: its keys,
/// the topic facet and the search, syncing a new collection before opening it.
@Suite struct CollectionsBrowserTests {
    typealias F = DirectoryFixture
    static let remote = "http://remote.test"
    static let cybersecurity = F.collections[1]
    static let osor = F.collections[2]
    static let lodz = F.collections[5]

    /// The directory as the cache lists it (by title), EC OSPO synced with 8 items and joined.
    static func catalog(synced: Set<String> = [F.ospoURI]) -> CollectionCatalog {
        let listings = F.collections.sorted { $0.title.lowercased() < $1.title.lowercased() }.map {
            DirectoryListing(collection: $0, isPublished: true, isSynced: synced.contains($0.uri),
                             membership: $0.uri == F.ospoURI ? .active : nil)
        }
        return CollectionCatalog(listings: listings, topics: F.topics, itemCounts: [F.ospoURI: 8], isDirectory: true)
    }

    /// A store with the browser open over EC OSPO, and the browser the tests expect, step by step.
    struct Session {
        var store: TestStore
        var browser = CollectionsBrowser()

        /// EC OSPO on screen, the browser 10 rows tall, opened and answered with `catalog()`.
        init(remote: String? = CollectionsBrowserTests.remote) {
            var state = AppState()
            _ = reduce(&state, .started(collectionURI: F.ospoURI))
            _ = reduce(&state, .viewportChanged(Viewport(width: 100, height: 30, listRows: 10, memberRows: 20, pickerRows: 10)))
            state.remote = remote
            store = TestStore(state)
            let closed = browser
            store.send(.toggleCollectionPicker, effects: [.listCollections]) { $0.modal = .picker(closed) }
            let catalog = CollectionsBrowserTests.catalog()
            // It starts on the collection on screen.
            send(.collectionsListed(catalog), from: .listCollections) {
                $0.catalog = catalog
                $0.cursor = ListCursor(selection: 1)
            }
        }

        /// Issues a command that keeps the browser open, stating how it changes.
        mutating func send(_ command: Command, effects: [Effect] = [], sourceLocation: SourceLocation = #_sourceLocation,
                           _ change: (inout CollectionsBrowser) -> Void = { _ in }, also: (inout AppState) -> Void = { _ in }) {
            change(&browser)
            let expected = browser
            store.send(command, effects: effects, sourceLocation: sourceLocation) {
                $0.modal = .picker(expected)
                also(&$0)
            }
        }

        /// Answers an effect (nil: one the cache's observation started) while the browser stays open.
        mutating func send(_ action: Action, from effect: Effect?, sourceLocation: SourceLocation = #_sourceLocation,
                           _ change: (inout CollectionsBrowser) -> Void = { _ in }, also: (inout AppState) -> Void = { _ in }) {
            change(&browser)
            let expected = browser
            let update = { (state: inout AppState) in
                state.modal = .picker(expected)
                also(&state)
            }
            if let effect {
                store.receive(action, from: effect, sourceLocation: sourceLocation, update)
            } else {
                store.send(action, sourceLocation: sourceLocation, update)
            }
        }

        /// Moves to Łódź (never synced) and presses Enter: the sync it starts.
        mutating func syncLodz(sourceLocation: SourceLocation = #_sourceLocation) -> Effect {
            send(.moveToBottom, sourceLocation: sourceLocation) { $0.cursor.selection = 5 }
            let sync = Effect.syncCollection(CollectionsBrowserTests.lodz, remote: CollectionsBrowserTests.remote)
            send(.open, effects: [sync], sourceLocation: sourceLocation, { $0.syncing = CollectionsBrowserTests.lodz }) {
                $0.status = StatusMessage(.busy, "Syncing Łódź smart city pilots…", subject: "Łódź smart city pilots")
            }
            return sync
        }

        var titles: [String] { store.state.modal.picker?.shownEntries.map(\.collection.title) ?? [] }

        var facet: [String] {
            (store.state.modal.picker?.topicRows ?? []).compactMap { row in
                guard case .topic(let facet, let selected) = row else { return nil }
                return "\(selected ? "✓" : "")\(facet.topic.label) (\(facet.count))"
            }
        }
    }

    /// Switching to `uri`, as the root does it.
    static func opening(_ uri: String) -> (inout AppState) -> Void {
        { state in
            state.modal = .none
            state.collectionURI = uri
            state.header = nil
            state.about = AboutState()
            state.overview = OverviewState()
            state.members = MembersState()
            state.status = StatusMessage(.busy, "Loading…")
        }
    }

    @Test func listsEveryCollectionOfTheDirectoryWithJoinupsFacetCountsStartingOnTheOpenOne() {
        let session = Session()
        #expect(session.store.state.focus == .picker)
        #expect(session.titles == ["Cybersecurity Working Group", "EC Open Source Programme Office",
                                   "Legacy interoperability archive", "Open Source Observatory (OSOR)",
                                   "Semantic Interoperability Community", "Łódź smart city pilots"])
        let selected = session.store.state.modal.picker?.selected
        #expect(selected?.collection.uri == F.ospoURI && selected?.itemCount == 8 && selected?.listing.membership == .active)
        // The category and the term share "ICT" and are counted apart, in Joinup's order.
        #expect(session.facet == ["ICT (5)", "Digital government (4)", "eGovernment (2)", "ICT (2)", "Legal (2)",
                                  "Open Source Software (2)"])
    }

    @Test func topicsAreOredWithinTheFacetAndACategoryTakesInItsTerms() {
        var session = Session()
        session.send(.focusFilters) { $0.pane = .topics }
        #expect(session.store.state.focus == .pickerTopics)
        for row in 1...3 { session.send(.moveDown) { $0.topicCursor.selection = row } }
        // The term ICT: the collection on screen is not listed, the cursor goes to the first.
        session.send(.toggleFilter) {
            $0.selectedTopics = [F.ict.uri]
            $0.cursor = ListCursor(selection: 0)
        }
        #expect(session.titles == ["Cybersecurity Working Group", "Łódź smart city pilots"], "the term only")
        // The facet ignores its own selection: its counts stay those of every collection.
        #expect(session.facet == ["ICT (5)", "Digital government (4)", "eGovernment (2)", "✓ICT (2)", "Legal (2)",
                                  "Open Source Software (2)"])
        session.send(.moveUp) { $0.topicCursor.selection = 2 }
        session.send(.toggleFilter) { $0.selectedTopics = [F.ict.uri, F.egov.uri] }
        #expect(session.titles == ["Cybersecurity Working Group", "EC Open Source Programme Office",
                                   "Semantic Interoperability Community", "Łódź smart city pilots"], "OR within the facet")
        session.send(.clearFilters) { $0.selectedTopics = [] }
        #expect(session.titles.count == 6)
        session.send(.moveToTop) { $0.topicCursor.selection = 0 }
        session.send(.toggleFilter) { $0.selectedTopics = [F.ictCategory.uri] }
        #expect(session.titles == ["Cybersecurity Working Group", "EC Open Source Programme Office",
                                   "Legacy interoperability archive", "Open Source Observatory (OSOR)",
                                   "Łódź smart city pilots"], "the category takes in its terms")
        session.send(.toggleFilter) { $0.selectedTopics = [] }
        session.send(.focusList) { $0.pane = .list }
        #expect(session.store.state.focus == .picker)
    }

    @Test func theSearchFoldsCaseAndAccentsAndNarrowsTheCounts() {
        var session = Session()
        session.send(.startSearch) { $0.isSearching = true }
        #expect(session.store.state.focus == .search)
        var typed = ""
        for character in "LODZ pil" {
            typed.append(character)
            let text = typed
            session.send(.typed(character)) {
                $0.search = text
                // Only Łódź is left from "L" on (its title or abstract holds every word).
                if text.count == 1 { $0.cursor = ListCursor(selection: 0) }
            }
        }
        #expect(session.titles == ["Łódź smart city pilots"])
        #expect(session.facet == ["Digital government (1)", "ICT (1)", "ICT (1)", "Legal (1)"])
        // Enter keeps the search and gives the keys back to the list; Esc in the line drops it.
        session.send(.submitSearch) { $0.isSearching = false }
        #expect(session.store.state.focus == .picker)
        session.send(.startSearch) { $0.isSearching = true }
        session.send(.cancelSearch) {
            $0.isSearching = false
            $0.search = ""
            $0.cursor = ListCursor(selection: 5)  // still on Łódź
        }
        #expect(session.titles.count == 6)
    }

    @Test func aSelectedTopicTheSearchBringsToZeroStaysInTheFacet() {
        var session = Session()
        session.send(.focusFilters) { $0.pane = .topics }
        for row in 1...5 { session.send(.moveDown) { $0.topicCursor.selection = row } }
        session.send(.toggleFilter) {
            $0.selectedTopics = [F.oss.uri]
            $0.cursor = ListCursor(selection: 0)  // EC OSPO, first of the two now
        }
        #expect(session.titles == ["EC Open Source Programme Office", "Open Source Observatory (OSOR)"])
        session.send(.moveToTop) { $0.topicCursor.selection = 0 }
        session.send(.startSearch) { $0.isSearching = true; $0.pane = .list }
        for character in "sandbox" {
            session.send(.typed(character)) {
                $0.search.append(character)
                $0.cursor = ListCursor(selection: 0)
            }
        }
        #expect(session.titles.isEmpty)
        #expect(session.facet.last == "✓Open Source Software (0)", "to be seen and undone")
    }

    @Test func enterOnASyncedCollectionOpensIt() {
        var session = Session()
        session.send(.moveToTop) { $0.cursor.selection = 0 }
        let catalog = Self.catalog(synced: [F.ospoURI, Self.cybersecurity.uri])
        // A sync elsewhere committed (the cache's observation asks for a fresh list).
        session.send(.collectionsListed(catalog), from: nil) { $0.catalog = catalog }
        #expect(session.store.state.modal.picker?.selected?.collection == Self.cybersecurity, "a new read keeps the selection")
        session.store.send(.open, effects: [.restoreView(uri: Self.cybersecurity.uri), .loadCollection(uri: Self.cybersecurity.uri),
                                                    .recordOpening(uri: Self.cybersecurity.uri)],
                           Self.opening(Self.cybersecurity.uri))
    }

    @Test func enterOnANeverSyncedCollectionSyncsItThenOpensIt() {
        var session = Session()
        session.send(.moveDown) { $0.cursor.selection = 2 }
        session.send(.moveDown) { $0.cursor.selection = 3 }
        let sync = Effect.syncCollection(Self.osor, remote: Self.remote)
        session.send(.open, effects: [sync], { $0.syncing = Self.osor }) {
            $0.status = StatusMessage(.busy, "Syncing Open Source Observatory (OSOR)…", subject: "Open Source Observatory (OSOR)")
        }
        // One sync at a time: Enter again waits for it.
        session.send(.open)
        session.store.receive(.collectionSynced(Self.osor, failure: nil), from: sync,
                              effects: [.restoreView(uri: Self.osor.uri), .loadCollection(uri: Self.osor.uri), .recordOpening(uri: Self.osor.uri)],
                              Self.opening(Self.osor.uri))
    }

    @Test func aFailedSyncSaysWhyAndTheBrowserStays() {
        var session = Session()
        let sync = session.syncLodz()
        session.send(.collectionSynced(Self.lodz, failure: "HTTP 404 for /rdf_entity/…/feed.xml"), from: sync, { $0.syncing = nil }) {
            $0.status = StatusMessage(.error, "Could not sync Łódź smart city pilots: HTTP 404 for /rdf_entity/…/feed.xml",
                                     subject: "Łódź smart city pilots")
        }
    }

    @Test func closingTheBrowserWhileItSyncsKeepsTheCollectionOnScreen() {
        var session = Session()
        let sync = session.syncLodz()
        session.store.send(.back) { $0.modal = .none }
        session.store.receive(.collectionSynced(Self.lodz, failure: nil), from: sync) {
            $0.status = StatusMessage(.success, "Synced Łódź smart city pilots", subject: "Łódź smart city pilots")
        }
    }

    @Test func withoutARemoteANeverSyncedCollectionSaysHowToConfigureOne() {
        var session = Session(remote: nil)
        session.send(.moveToBottom) { $0.cursor.selection = 5 }
        session.send(.open, also: { $0.status = StatusMessage(.error, noRemoteMessage) })
        // Joining needs the metadata a sync brings.
        session.send(.join, also: { $0.status = StatusMessage(.error, "Open Łódź smart city pilots first (Enter syncs it)",
                                                                              subject: "Łódź smart city pilots") })
    }

    @Test func escapeLeavesTheFacetThenClosesAndCClosesToo() {
        var session = Session()
        session.send(.focusFilters) { $0.pane = .topics }
        session.send(.back) { $0.pane = .list }
        session.store.send(.back) { $0.modal = .none }
        #expect(session.store.state.focus == .itemList)
        session.store.send(.toggleCollectionPicker, effects: [.listCollections]) { $0.modal = .picker(CollectionsBrowser()) }
        session.store.send(.toggleCollectionPicker) { $0.modal = .none }
    }

    @Test func clicksSelectThenOpenARowAndToggleATopic() {
        var session = Session()
        session.send(.pointAtCollection(0)) { $0.cursor.selection = 0 }
        session.send(.pointAtCollectionTopic(2)) {
            $0.pane = .topics
            $0.topicCursor.selection = 2
            $0.selectedTopics = [F.egov.uri]
        }
        #expect(session.titles == ["EC Open Source Programme Office", "Semantic Interoperability Community"])
        // The selection stays on EC OSPO, wherever it moves in the list.
        session.send(.pointAtCollectionTopic(2)) {
            $0.selectedTopics = []
            $0.cursor.selection = 1
        }
        session.send(.pointAtCollectionTopic(0)) {
            $0.topicCursor.selection = 0
            $0.selectedTopics = [F.ictCategory.uri]
        }
        #expect(session.titles.count == 5)
        session.send(.pointAtCollection(99))  // below the last row: nothing
        session.send(.pointAtCollection(0)) {
            $0.pane = .list
            $0.cursor.selection = 0
        }
        let sync = Effect.syncCollection(Self.cybersecurity, remote: Self.remote)
        session.send(.pointAtCollection(0), effects: [sync], { $0.syncing = Self.cybersecurity }) {
            $0.status = StatusMessage(.busy, "Syncing Cybersecurity Working Group…", subject: "Cybersecurity Working Group")
        }
    }

    @Test func theCursorsScrollByTheMeasuredRows() {
        var session = Session()
        let small = Viewport(width: 60, height: 14, listRows: 3, memberRows: 6, pickerRows: 3)
        session.store.send(.viewportChanged(small)) {
            $0.viewport = small
            var browser = session.browser
            browser.cursor = ListCursor(selection: 1, scrollTop: 0)
            $0.modal = .picker(browser)
        }
        session.send(.moveToBottom) { $0.cursor = ListCursor(selection: 5, scrollTop: 3) }
        session.send(.pageUp) { $0.cursor = ListCursor(selection: 2, scrollTop: 2) }
        // The facet keeps its last row for "↓ N more": two topics in view at once.
        session.send(.focusFilters) { $0.pane = .topics }
        session.send(.moveToBottom) { $0.topicCursor = ListCursor(selection: 5, scrollTop: 4) }
    }

    @Test func withoutADirectoryTheCachedCollectionsAreListedWithoutAFacet() {
        var session = Session()
        let cached = CollectionCatalog.cached([
            CachedCollection(uri: Self.cybersecurity.uri, alias: "cybersecurity", title: "Cybersecurity Working Group", itemCount: 3),
            CachedCollection(uri: F.ospoURI, alias: "ec-ospo", title: "EC Open Source Programme Office", itemCount: 8),
        ])
        session.send(.collectionsListed(cached), from: nil) { $0.catalog = cached }
        let browser = session.store.state.modal.picker
        #expect(browser?.isDirectory == false && browser?.topicRows.isEmpty == true)
        #expect(session.titles == ["Cybersecurity Working Group", "EC Open Source Programme Office"])
        #expect(browser?.shownEntries.map(\.itemCount) == [3, 8])
        session.send(.focusFilters)  // no facet to move to
    }

    @Test func aboutTakesTheDirectorysNamesForTheCollectionOnScreenOnly() {
        var store = Session().store
        let about = DirectoryAbout(owner: F.snapshot.owners.first, contact: F.snapshot.contacts.first,
                                   countries: [(F.belgium, "Belgium")])
        store.send(.directoryAboutLoaded(uri: Self.osor.uri, about))  // late, for another collection: dropped
        store.send(.directoryAboutLoaded(uri: F.ospoURI, about)) { $0.about.directory = about }
    }
}
