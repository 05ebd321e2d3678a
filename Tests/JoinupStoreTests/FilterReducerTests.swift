import Foundation
import JoinupCache
import JoinupModel
import JoinupTestSupport
import Testing
@testable import JoinupStore

/// Filtering as a user does it: into the filter pane, toggle, search, sort, clear.
@Suite struct FilterReducerTests {
    static let uri = ReducerTests.uri
    static let ictCategory = Topic(uri: "http://joinup.eu/ontology/topic/category#ict", label: "ICT")
    static let ictTerm = Topic(uri: "http://joinup.eu/ontology/topic#ict", label: "ICT", parentURI: ictCategory.uri)
    static let security = Topic(uri: "http://joinup.eu/ontology/topic#ict-security", label: "ICT security", parentURI: ictCategory.uri)

    /// A loaded Overview with types and topics in the filter pane.
    static func loaded() -> AppState {
        var state = ReducerTests.loaded()
        let revision = state.overview.revision
        _ = reduce(&state, .overviewLoaded(revision: revision,
                                           facets: [FacetCount(topic: ictCategory, count: 8), FacetCount(topic: ictTerm, count: 3),
                                                    FacetCount(topic: security, count: 2)],
                                           kindCounts: [.news: 7, .event: 1], itemCount: 8,
                                           window: ItemWindow(offset: 0, rows: ReducerTests.rows(0..<8))))
        return state
    }

    static func loadOverviewEffect(_ state: AppState) -> Effect {
        .loadOverview(uri: uri, filter: state.overview.filter, sort: state.overview.sort,
                      revision: state.overview.revision, windowSize: itemWindowSize)
    }

    /// The reload a new filter or sort starts (revision bumped, cursor to the top), remembered unless `save` is false.
    static func reload(_ state: inout AppState, save: Bool = true) -> [Effect] {
        state.overview.revision += 1
        state.overview.cursor = ListCursor()
        let saving: [Effect] = save ? [.saveView(uri: uri, filter: state.overview.filter, sort: state.overview.sort)] : []
        return [loadOverviewEffect(state)] + saving
    }

    /// What `state` would start for a changed filter or sort, stating the change to it.
    static func reloading(_ store: TestStore, save: Bool = true, _ change: (inout AppState) -> Void) -> (effects: [Effect], update: (inout AppState) -> Void) {
        var after = store.state
        change(&after)
        let effects = reload(&after, save: save)
        return (effects, { $0 = after })
    }

    @Test func filterPaneListsTypesThenTopicsWithHeadings() {
        let state = Self.loaded()
        #expect(state.overview.facetRows == [
            .heading("Type"), .kind(.news, count: 7, selected: false), .kind(.event, count: 1, selected: false),
            .heading("Topics"), .topic(FacetCount(topic: Self.ictCategory, count: 8), selected: false),
            .topic(FacetCount(topic: Self.ictTerm, count: 3), selected: false),
            .topic(FacetCount(topic: Self.security, count: 2), selected: false),
        ])
    }

    @Test func leftFocusesTheFilterPaneOnItsFirstSelectableRow() {
        var store = TestStore(Self.loaded())
        #expect(store.state.overview.facetCursor.selection == 1)
        store.send(.focusFilters) { $0.overview.paneFocus = .filters }
        #expect(store.state.focus == .filters)
        store.send(.focusList) { $0.overview.paneFocus = .list }
        #expect(store.state.focus == .itemList)
    }

    @Test func cursorStepsOverHeadings() {
        var store = TestStore(Self.loaded())
        store.send(.focusFilters) { $0.overview.paneFocus = .filters }
        store.send(.moveDown) { $0.overview.facetCursor.selection = 2 }
        store.send(.moveDown) { $0.overview.facetCursor.selection = 4 }  // past "Topics" onto ICT (8)
        store.send(.moveUp) { $0.overview.facetCursor.selection = 2 }
        store.send(.moveToTop) { $0.overview.facetCursor.selection = 1 }
    }

    @Test func togglingTheCategoryAndTheTermFilterByTheirOwnURIs() {
        var store = TestStore(Self.loaded())
        store.send(.focusFilters) { $0.overview.paneFocus = .filters }
        store.send(.moveDown) { $0.overview.facetCursor.selection = 2 }
        store.send(.moveDown) { $0.overview.facetCursor.selection = 4 }
        var step = Self.reloading(store) { $0.overview.filter.topicURIs = [Self.ictCategory.uri] }
        store.send(.toggleFilter, effects: step.effects, step.update)
        store.send(.moveDown) { $0.overview.facetCursor.selection = 5 }
        step = Self.reloading(store) { $0.overview.filter.topicURIs = [Self.ictCategory.uri, Self.ictTerm.uri] }
        store.send(.toggleFilter, effects: step.effects, step.update)
        store.send(.moveUp) { $0.overview.facetCursor.selection = 4 }
        step = Self.reloading(store) { $0.overview.filter.topicURIs = [Self.ictTerm.uri] }
        store.send(.toggleFilter, effects: step.effects, step.update)
    }

    @Test func resultsOfAnOlderFilterAreDropped() {
        var store = TestStore(Self.loaded())
        let old = store.state.overview.revision
        store.send(.focusFilters) { $0.overview.paneFocus = .filters }
        let step = Self.reloading(store) { $0.overview.filter.kinds = [.news] }
        store.send(.toggleFilter, effects: step.effects, step.update)
        store.send(.overviewLoaded(revision: old, facets: [], kindCounts: [:], itemCount: 99, window: ItemWindow()))
        let window = ItemWindow(offset: 0, rows: ReducerTests.rows(0..<7))
        store.receive(.overviewLoaded(revision: old + 1, facets: [], kindCounts: [.news: 7], itemCount: 7, window: window),
                      from: step.effects[0]) {
            $0.overview.facets = []
            $0.overview.kindCounts = [.news: 7]
            $0.overview.itemCount = 7
            $0.overview.window = window
        }
    }

    @Test func selectingEventOffersUpcomingAndPast() {
        var store = TestStore(Self.loaded())
        store.send(.focusFilters) { $0.overview.paneFocus = .filters }
        store.send(.moveDown) { $0.overview.facetCursor.selection = 2 }
        var step = Self.reloading(store) { $0.overview.filter.kinds = [.event] }
        store.send(.toggleFilter, effects: step.effects, step.update)
        #expect(store.state.overview.facetRows.contains(.eventTiming(.upcoming, count: nil, selected: false)))
        // The counts arrive for this filter; a late answer for an older one is dropped.
        store.send(.eventTimingCounted(revision: store.state.overview.revision - 1, [.upcoming: 9, .past: 9]))
        store.send(.eventTimingCounted(revision: store.state.overview.revision, [.upcoming: 0, .past: 1])) {
            $0.overview.eventTimingCounts = [.upcoming: 0, .past: 1]
        }
        #expect(store.state.overview.facetRows.contains(.eventTiming(.upcoming, count: 0, selected: false)))
        #expect(store.state.overview.facetRows.contains(.eventTiming(.past, count: 1, selected: false)))
        store.send(.moveDown) { $0.overview.facetCursor.selection = 3 }
        step = Self.reloading(store) { $0.overview.filter.eventTiming = .upcoming }
        store.send(.toggleFilter, effects: step.effects, step.update)
        // Unselecting Event drops the timing with it.
        store.send(.moveUp) { $0.overview.facetCursor.selection = 2 }
        step = Self.reloading(store) {
            $0.overview.filter.kinds = []
            $0.overview.filter.eventTiming = nil
        }
        store.send(.toggleFilter, effects: step.effects, step.update)
    }

    @Test func aSelectedTopicStaysListedWhenItsCountFallsToZero() {
        var store = TestStore(Self.loaded())
        store.assume { $0.overview.filter.topicURIs = [Self.security.uri] }
        let facets = [FacetCount(topic: Self.ictCategory, count: 1)]
        store.send(.overviewLoaded(revision: store.state.overview.revision, facets: facets, kindCounts: [:], itemCount: 0,
                                   window: ItemWindow())) {
            $0.overview.facets = facets
            $0.overview.kindCounts = [:]
            $0.overview.itemCount = 0
            $0.overview.window = ItemWindow()
        }
        #expect(store.state.overview.facetRows.contains(.topic(FacetCount(topic: Self.security, count: 0), selected: true)))
    }

    @Test func typingPlainWordsFiltersAtEveryKeystrokeAndEscapeRestores() {
        var store = TestStore(Self.loaded())
        store.assume { $0.overview.filter.kinds = [.news] }
        var line = SearchLine(target: .items, base: ItemFilter(kinds: [.news]))
        store.send(.startSearch) { $0.modal = .search(line) }
        #expect(store.state.focus == .search)
        for (typed, text) in [("e", "e"), ("u", "eu")] {
            line.text = text
            let step = Self.reloading(store, save: false) {
                $0.modal = .search(line)
                $0.overview.filter.text = text
            }
            store.send(.typed(Character(typed)), effects: step.effects, step.update)
        }
        line.text = "e"
        var step = Self.reloading(store, save: false) {
            $0.modal = .search(line)
            $0.overview.filter.text = "e"
        }
        store.send(.deleteBackward, effects: step.effects, step.update)
        step = Self.reloading(store, save: false) {
            $0.modal = .none
            $0.overview.filter = ItemFilter(kinds: [.news])
        }
        store.send(.cancelSearch, effects: step.effects, step.update)
    }

    @Test func enterKeepsTheSearchAndRemembersIt() {
        var store = TestStore(Self.loaded())
        var line = SearchLine(target: .items, base: ItemFilter.none)
        store.send(.startSearch) { $0.modal = .search(line) }
        for character in "moodle" {
            line.text.append(character)
            let step = Self.reloading(store, save: false) {
                $0.modal = .search(line)
                $0.overview.filter.text = line.text
            }
            store.send(.typed(character), effects: step.effects, step.update)
        }
        store.send(.submitSearch, effects: [.saveView(uri: Self.uri, filter: ItemFilter(text: "moodle"), sort: .newest)]) {
            $0.modal = .none
            $0.overview.query = KeptQuery(text: "moodle", base: .none)
        }
        #expect(store.state.focus == .itemList)
    }

    @Test func theQueryLanguageIsParsedByTheRuntimeAndErrorsKeepTheResults() {
        var store = TestStore(Self.loaded())
        var line = SearchLine(target: .items, base: ItemFilter.none)
        store.send(.startSearch) { $0.modal = .search(line) }
        for character in "type:even" {
            line.text.append(character)
            // Plain words until the colon: "type" filters by text, then the query language waits for the runtime.
            if line.text.contains(":") {
                store.send(.typed(character), effects: [.parseSearch(uri: Self.uri, text: line.text, base: .none)]) {
                    $0.modal = .search(line)
                }
            } else {
                let step = Self.reloading(store, save: false) {
                    $0.modal = .search(line)
                    $0.overview.filter.text = line.text
                }
                store.send(.typed(character), effects: step.effects, step.update)
            }
        }
        line.text = "type:event"
        store.send(.typed("t"), effects: [.parseSearch(uri: Self.uri, text: "type:event", base: .none)]) { $0.modal = .search(line) }
        store.send(.searchParsed(text: "type:even", result: .error("stale")))
        line.error = "col 6: unknown type"
        store.receive(.searchParsed(text: "type:event", result: .error("col 6: unknown type")),
                      from: .parseSearch(uri: Self.uri, text: "type:event", base: .none)) { $0.modal = .search(line) }
        line.error = nil
        let step = Self.reloading(store, save: false) {
            $0.modal = .search(line)
            $0.overview.filter = ItemFilter(kinds: [.event])
        }
        store.send(.searchParsed(text: "type:event", result: .filter(ItemFilter(kinds: [.event]))), effects: step.effects, step.update)
    }

    @Test func keysTypeIntoTheSearchLineNotCommands() {
        var store = TestStore(Self.loaded())
        store.send(.startSearch) { $0.modal = .search(SearchLine(target: .items, base: ItemFilter.none)) }
        let step = Self.reloading(store, save: false) {
            $0.modal = .search(SearchLine(target: .items, text: "q", base: ItemFilter.none))
            $0.overview.filter.text = "q"
        }
        store.send(.typed("q"), effects: step.effects, step.update)
        store.send(.nextTab)
    }

    @Test func sortCyclesNewestOldestTitle() {
        var store = TestStore(Self.loaded())
        for sort in [ItemSort.oldest, .title, .newest] {
            let step = Self.reloading(store) {
                $0.overview.sort = sort
                $0.status = StatusMessage(.info, "Sorted \(sort.label)")
            }
            store.send(.cycleSort, effects: step.effects, step.update)
        }
    }

    @Test func oneKeyClearsEveryFilter() {
        var store = TestStore(Self.loaded())
        store.assume { $0.overview.filter = ItemFilter(topicURIs: [Self.ictTerm.uri], kinds: [.news], text: "open") }
        let step = Self.reloading(store) {
            $0.overview.filter = .none
            $0.status = StatusMessage(.info, "Filters cleared")
        }
        store.send(.clearFilters, effects: step.effects, step.update)
    }

    @Test func savedViewIsRestoredBeforeTheFirstLoadAndNotSavedAgain() {
        var store = TestStore()
        ReducerTests.start(&store)
        store.receive(.viewRestored(ItemFilter(kinds: [.event]), .title), from: .restoreView(uri: Self.uri),
                      effects: [.loadOverview(uri: Self.uri, filter: ItemFilter(kinds: [.event]), sort: .title, revision: 1,
                                              windowSize: itemWindowSize),
                                .loadMembers(uri: Self.uri, role: nil, nameQuery: "")]) {
            $0.overview.filter.kinds = [.event]
            $0.overview.sort = .title
            $0.overview.revision = 1
        }
    }

    @Test func membersFilterByRoleInACycleAndSearchByName() {
        var state = Self.loaded()
        // Someone holds every role, so `f` visits each.
        state.members.roleCounts = [.owner: 1, .facilitator: 2, .author: 3, .member: 53]
        var store = TestStore(state)
        store.send(.showTab(.members)) { $0.tab = .members }
        for role in [Role.owner] + Array(Role.allCases.dropFirst()) + [nil] {
            store.send(.cycleRoleFilter, effects: [.loadMembers(uri: Self.uri, role: role, nameQuery: "")]) { $0.members.role = role }
        }
        store.send(.startSearch) { $0.modal = .search(SearchLine(target: .members)) }
        store.send(.typed("z"), effects: [.loadMembers(uri: Self.uri, role: nil, nameQuery: "z")]) {
            $0.modal = .search(SearchLine(target: .members, text: "z"))
            $0.members.nameQuery = "z"
        }
        // A late answer for another query is dropped.
        store.send(.membersLoaded(role: nil, nameQuery: "", members: [], roleCounts: [:]))
        store.receive(.membersLoaded(role: nil, nameQuery: "z", members: [], roleCounts: [.member: 0]),
                      from: .loadMembers(uri: Self.uri, role: nil, nameQuery: "z")) {
            $0.members.members = []
            $0.members.roleCounts = [.member: 0]
        }
        store.send(.cancelSearch, effects: [.loadMembers(uri: Self.uri, role: nil, nameQuery: "")]) {
            $0.modal = .none
            $0.members.nameQuery = ""
        }
    }
}
