import Foundation
import JoinupCache
import JoinupModel
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
        var state = Self.loaded()
        _ = reduce(&state, .commandIssued(.focusFilters))
        #expect(state.focus == .filters)
        #expect(state.overview.facetCursor.selection == 1)
        _ = reduce(&state, .commandIssued(.focusList))
        #expect(state.focus == .itemList)
    }

    @Test func cursorStepsOverHeadings() {
        var state = Self.loaded()
        _ = reduce(&state, .commandIssued(.focusFilters))
        _ = reduce(&state, .commandIssued(.moveDown))
        _ = reduce(&state, .commandIssued(.moveDown))
        #expect(state.overview.facetCursor.selection == 4)  // past "Topics" onto ICT (8)
        _ = reduce(&state, .commandIssued(.moveUp))
        #expect(state.overview.facetCursor.selection == 2)
        _ = reduce(&state, .commandIssued(.moveToTop))
        #expect(state.overview.facetCursor.selection == 1)
    }

    @Test func togglingTheCategoryAndTheTermFilterByTheirOwnURIs() {
        var state = Self.loaded()
        _ = reduce(&state, .commandIssued(.focusFilters))
        for _ in 0..<2 { _ = reduce(&state, .commandIssued(.moveDown)) }  // News → Event → ICT (8)
        let effects = reduce(&state, .commandIssued(.toggleFilter))
        #expect(state.overview.filter.topicURIs == [Self.ictCategory.uri])
        #expect(effects.first == Self.loadOverviewEffect(state))
        #expect(effects.contains(.saveView(uri: Self.uri, filter: state.overview.filter, sort: .newest)))
        _ = reduce(&state, .commandIssued(.moveDown))
        _ = reduce(&state, .commandIssued(.toggleFilter))
        #expect(state.overview.filter.topicURIs == [Self.ictCategory.uri, Self.ictTerm.uri])
        _ = reduce(&state, .commandIssued(.moveUp))
        _ = reduce(&state, .commandIssued(.toggleFilter))
        #expect(state.overview.filter.topicURIs == [Self.ictTerm.uri])
    }

    @Test func resultsOfAnOlderFilterAreDropped() {
        var state = Self.loaded()
        let old = state.overview.revision
        _ = reduce(&state, .commandIssued(.focusFilters))
        _ = reduce(&state, .commandIssued(.toggleFilter))
        _ = reduce(&state, .overviewLoaded(revision: old, facets: [], kindCounts: [:], itemCount: 99, window: ItemWindow()))
        #expect(state.overview.itemCount == 8)
        _ = reduce(&state, .overviewLoaded(revision: state.overview.revision, facets: [], kindCounts: [.news: 7], itemCount: 7,
                                           window: ItemWindow(offset: 0, rows: ReducerTests.rows(0..<7))))
        #expect(state.overview.itemCount == 7)
    }

    @Test func selectingEventOffersUpcomingAndPast() {
        var state = Self.loaded()
        _ = reduce(&state, .commandIssued(.focusFilters))
        _ = reduce(&state, .commandIssued(.moveDown))
        _ = reduce(&state, .commandIssued(.toggleFilter))
        #expect(state.overview.filter.kinds == [.event])
        #expect(state.overview.facetRows.contains(.eventTiming(.upcoming, selected: false)))
        _ = reduce(&state, .commandIssued(.moveDown))
        _ = reduce(&state, .commandIssued(.toggleFilter))
        #expect(state.overview.filter.eventTiming == .upcoming)
        // Unselecting Event drops the timing with it.
        _ = reduce(&state, .commandIssued(.moveUp))
        _ = reduce(&state, .commandIssued(.toggleFilter))
        #expect(state.overview.filter.kinds.isEmpty && state.overview.filter.eventTiming == nil)
    }

    @Test func aSelectedTopicStaysListedWhenItsCountFallsToZero() {
        var state = Self.loaded()
        state.overview.filter.topicURIs = [Self.security.uri]
        _ = reduce(&state, .overviewLoaded(revision: state.overview.revision, facets: [FacetCount(topic: Self.ictCategory, count: 1)],
                                           kindCounts: [:], itemCount: 0, window: ItemWindow()))
        #expect(state.overview.facetRows.contains(.topic(FacetCount(topic: Self.security, count: 0), selected: true)))
    }

    @Test func typingPlainWordsFiltersAtEveryKeystrokeAndEscapeRestores() {
        var state = Self.loaded()
        state.overview.filter.kinds = [.news]
        _ = reduce(&state, .commandIssued(.startSearch))
        #expect(state.focus == .search)
        let first = reduce(&state, .commandIssued(.typed("e")))
        #expect(state.overview.filter == ItemFilter(kinds: [.news], text: "e"))
        #expect(first == [Self.loadOverviewEffect(state)])
        _ = reduce(&state, .commandIssued(.typed("u")))
        #expect(state.overview.filter.text == "eu")
        _ = reduce(&state, .commandIssued(.deleteBackward))
        #expect(state.overview.filter.text == "e")
        _ = reduce(&state, .commandIssued(.cancelSearch))
        #expect(state.search == nil)
        #expect(state.overview.filter == ItemFilter(kinds: [.news]))
    }

    @Test func enterKeepsTheSearchAndRemembersIt() {
        var state = Self.loaded()
        _ = reduce(&state, .commandIssued(.startSearch))
        for character in "moodle" { _ = reduce(&state, .commandIssued(.typed(character))) }
        let effects = reduce(&state, .commandIssued(.submitSearch))
        #expect(state.search == nil && state.focus == .itemList)
        #expect(effects == [.saveView(uri: Self.uri, filter: ItemFilter(text: "moodle"), sort: .newest)])
    }

    @Test func theQueryLanguageIsParsedByTheRuntimeAndErrorsKeepTheResults() {
        var state = Self.loaded()
        _ = reduce(&state, .commandIssued(.startSearch))
        var effects: [Effect] = []
        for character in "type:event" { effects = reduce(&state, .commandIssued(.typed(character))) }
        #expect(effects == [.parseSearch(uri: Self.uri, text: "type:event", base: .none)])
        _ = reduce(&state, .searchParsed(text: "type:even", result: .error("stale")))
        #expect(state.search?.error == nil)
        _ = reduce(&state, .searchParsed(text: "type:event", result: .error("col 6: unknown type")))
        #expect(state.search?.error == "col 6: unknown type")
        #expect(state.overview.itemCount == 8)
        let parsed = reduce(&state, .searchParsed(text: "type:event", result: .filter(ItemFilter(kinds: [.event]))))
        #expect(state.search?.error == nil && state.overview.filter.kinds == [.event])
        #expect(parsed == [Self.loadOverviewEffect(state)])
    }

    @Test func keysTypeIntoTheSearchLineNotCommands() {
        var state = Self.loaded()
        _ = reduce(&state, .commandIssued(.startSearch))
        _ = reduce(&state, .commandIssued(.typed("q")))
        #expect(!state.isQuitting)
        #expect(state.search?.text == "q")
        _ = reduce(&state, .commandIssued(.nextTab))
        #expect(state.tab == .overview)
    }

    @Test func sortCyclesNewestOldestTitle() {
        var state = Self.loaded()
        _ = reduce(&state, .commandIssued(.cycleSort))
        #expect(state.overview.sort == .oldest)
        _ = reduce(&state, .commandIssued(.cycleSort))
        #expect(state.overview.sort == .title)
        let effects = reduce(&state, .commandIssued(.cycleSort))
        #expect(state.overview.sort == .newest)
        #expect(effects.contains(.saveView(uri: Self.uri, filter: .none, sort: .newest)))
    }

    @Test func oneKeyClearsEveryFilter() {
        var state = Self.loaded()
        state.overview.filter = ItemFilter(topicURIs: [Self.ictTerm.uri], kinds: [.news], text: "open")
        let effects = reduce(&state, .commandIssued(.clearFilters))
        #expect(state.overview.filter == .none)
        #expect(effects.contains(Self.loadOverviewEffect(state)))
        #expect(state.status == StatusMessage(.info, "Filters cleared"))
    }

    @Test func savedViewIsRestoredBeforeTheFirstLoad() {
        var state = AppState()
        let started = reduce(&state, .started(collectionURI: Self.uri))
        #expect(Array(started.prefix(2)) == [.restoreView(uri: Self.uri), .loadCollection(uri: Self.uri)])
        let restored = reduce(&state, .viewRestored(ItemFilter(kinds: [.event]), .title))
        #expect(state.overview.filter.kinds == [.event] && state.overview.sort == .title)
        #expect(restored.contains(.loadOverview(uri: Self.uri, filter: ItemFilter(kinds: [.event]), sort: .title,
                                                revision: state.overview.revision, windowSize: itemWindowSize)))
        #expect(restored.contains(.loadMembers(uri: Self.uri, role: nil, nameQuery: "")))
        #expect(!restored.contains { if case .saveView = $0 { true } else { false } })
    }

    @Test func membersFilterByRoleInACycleAndSearchByName() {
        var state = Self.loaded()
        _ = reduce(&state, .commandIssued(.showTab(.members)))
        #expect(reduce(&state, .commandIssued(.cycleRoleFilter)) == [.loadMembers(uri: Self.uri, role: .owner, nameQuery: "")])
        for _ in 0..<4 { _ = reduce(&state, .commandIssued(.cycleRoleFilter)) }
        #expect(state.members.role == nil)
        _ = reduce(&state, .commandIssued(.startSearch))
        #expect(state.search?.target == .members)
        let effects = reduce(&state, .commandIssued(.typed("z")))
        #expect(effects == [.loadMembers(uri: Self.uri, role: nil, nameQuery: "z")])
        // A late answer for another query is dropped.
        _ = reduce(&state, .membersLoaded(role: nil, nameQuery: "", members: [], roleCounts: [:]))
        #expect(state.members.members.count == 59)
        _ = reduce(&state, .membersLoaded(role: nil, nameQuery: "z", members: [], roleCounts: [.member: 0]))
        #expect(state.members.members.isEmpty)
        _ = reduce(&state, .commandIssued(.cancelSearch))
        #expect(state.members.nameQuery.isEmpty)
    }
}
