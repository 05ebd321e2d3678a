import Foundation
import JoinupCache
import JoinupModel
import JoinupTestSupport
import Testing
@testable import JoinupStore

/// The collections browser (`c`) through the reducer: its keys, the topic facet and the search.
@Suite struct CollectionsBrowserTests {
    typealias F = DirectoryFixture
    static let remote = "http://remote.test"
    static let osor = F.collections[2]
    static let cybersecurity = F.collections[1]

    /// The directory as the cache lists it (by title), EC OSPO synced with 8 items and joined.
    static func catalog(synced: Set<String> = [F.ospoURI]) -> CollectionCatalog {
        let listings = F.collections.sorted { $0.title.lowercased() < $1.title.lowercased() }.map {
            DirectoryListing(collection: $0, isPublished: true, isSynced: synced.contains($0.uri),
                             membership: $0.uri == F.ospoURI ? .active : nil)
        }
        return CollectionCatalog(listings: listings, topics: F.topics, itemCounts: [F.ospoURI: 8], isDirectory: true)
    }

    /// EC OSPO on screen with the browser open on the directory, 10 rows tall.
    static func browsing(remote: String? = remote) -> AppState {
        var state = AppState()
        _ = reduce(&state, .started(collectionURI: F.ospoURI))
        _ = reduce(&state, .viewportChanged(Viewport(width: 100, height: 30, listRows: 10, memberRows: 20, pickerRows: 10)))
        state.remote = remote
        #expect(reduce(&state, .commandIssued(.toggleCollectionPicker)) == [.listCollections])
        _ = reduce(&state, .collectionsListed(catalog()))
        return state
    }

    static func titles(_ state: AppState) -> [String] {
        state.picker?.shownEntries.map(\.collection.title) ?? []
    }

    static func facet(_ state: AppState) -> [String] {
        (state.picker?.topicRows ?? []).compactMap { row in
            guard case .topic(let facet, let selected) = row else { return nil }
            return "\(selected ? "✓" : "")\(facet.topic.label) (\(facet.count))"
        }
    }

    /// Moves the facet's cursor to the topic's row with the keys and toggles it.
    static func toggleTopic(_ uri: String, in state: inout AppState) {
        if state.focus != .pickerTopics { _ = reduce(&state, .commandIssued(.focusFilters)) }
        _ = reduce(&state, .commandIssued(.moveToTop))
        let rows = state.picker?.topicRows ?? []
        guard let index = rows.firstIndex(where: { if case .topic(let f, _) = $0 { f.topic.uri == uri } else { false } }) else {
            Issue.record("\(uri) is not in the facet")
            return
        }
        for _ in 0..<index { _ = reduce(&state, .commandIssued(.moveDown)) }
        _ = reduce(&state, .commandIssued(.toggleFilter))
    }

    @Test func listsEveryCollectionOfTheDirectoryWithJoinupsFacetCountsStartingOnTheOpenOne() {
        let state = Self.browsing()
        #expect(state.focus == .picker)
        #expect(Self.titles(state) == ["Cybersecurity Working Group", "EC Open Source Programme Office",
                                       "Legacy interoperability archive", "Open Source Observatory (OSOR)",
                                       "Semantic Interoperability Community", "Łódź smart city pilots"])
        #expect(state.picker?.selected?.collection.uri == F.ospoURI)
        #expect(state.picker?.selected?.itemCount == 8 && state.picker?.selected?.listing.membership == .active)
        // The category and the term share "ICT" and are counted apart, by Joinup's order.
        #expect(Self.facet(state) == ["ICT (5)", "Digital government (4)", "eGovernment (2)", "ICT (2)", "Legal (2)",
                                      "Open Source Software (2)"])
    }

    @Test func topicsAreOredWithinTheFacetAndACategoryTakesInItsTerms() {
        var state = Self.browsing()
        Self.toggleTopic(F.ict.uri, in: &state)
        #expect(state.focus == .pickerTopics)
        #expect(Self.titles(state) == ["Cybersecurity Working Group", "Łódź smart city pilots"], "the term only")
        // The facet ignores its own selection: its counts stay those of every collection.
        #expect(Self.facet(state) == ["ICT (5)", "Digital government (4)", "eGovernment (2)", "✓ICT (2)", "Legal (2)",
                                      "Open Source Software (2)"])
        Self.toggleTopic(F.egov.uri, in: &state)
        #expect(Self.titles(state) == ["Cybersecurity Working Group", "EC Open Source Programme Office",
                                       "Semantic Interoperability Community", "Łódź smart city pilots"])
        _ = reduce(&state, .commandIssued(.clearFilters))
        #expect(Self.titles(state).count == 6)
        Self.toggleTopic(F.ictCategory.uri, in: &state)
        #expect(Self.titles(state) == ["Cybersecurity Working Group", "EC Open Source Programme Office",
                                       "Legacy interoperability archive", "Open Source Observatory (OSOR)",
                                       "Łódź smart city pilots"])
        // Unselecting gives everything back; → returns to the list.
        _ = reduce(&state, .commandIssued(.toggleFilter))
        #expect(Self.titles(state).count == 6)
        _ = reduce(&state, .commandIssued(.focusList))
        #expect(state.focus == .picker)
    }

    @Test func theSearchFoldsCaseAndAccentsAndNarrowsTheCounts() {
        var state = Self.browsing()
        _ = reduce(&state, .commandIssued(.startSearch))
        #expect(state.focus == .search)
        for character in "LODZ pil" { _ = reduce(&state, .commandIssued(.typed(character))) }
        #expect(Self.titles(state) == ["Łódź smart city pilots"])
        #expect(Self.facet(state) == ["Digital government (1)", "ICT (1)", "ICT (1)", "Legal (1)"])
        // Words of the abstract count too; Backspace widens again.
        for _ in 0..<"LODZ pil".count { _ = reduce(&state, .commandIssued(.deleteBackward)) }
        for character in "sandbox" { _ = reduce(&state, .commandIssued(.typed(character))) }
        #expect(Self.titles(state) == ["Łódź smart city pilots"])
        // Enter keeps the search and gives the keys back to the list; Esc in the line drops it.
        _ = reduce(&state, .commandIssued(.submitSearch))
        #expect(state.focus == .picker && state.picker?.search == "sandbox")
        _ = reduce(&state, .commandIssued(.startSearch))
        _ = reduce(&state, .commandIssued(.cancelSearch))
        #expect(state.picker?.search == "" && Self.titles(state).count == 6)
        // A selected topic the search brings to zero stays in the facet, to be undone.
        Self.toggleTopic(F.oss.uri, in: &state)
        #expect(Self.titles(state) == ["EC Open Source Programme Office", "Open Source Observatory (OSOR)"])
        _ = reduce(&state, .commandIssued(.startSearch))
        for character in "sandbox" { _ = reduce(&state, .commandIssued(.typed(character))) }
        #expect(Self.titles(state).isEmpty)
        #expect(Self.facet(state).last == "✓Open Source Software (0)")
    }

    @Test func enterOnASyncedCollectionOpensIt() {
        var state = Self.browsing()
        _ = reduce(&state, .commandIssued(.moveToTop))
        _ = reduce(&state, .collectionsListed(Self.catalog(synced: [F.ospoURI, Self.cybersecurity.uri])))
        #expect(state.picker?.selected?.collection.uri == Self.cybersecurity.uri, "a new read keeps the selection")
        let effects = reduce(&state, .commandIssued(.open))
        #expect(effects == [.restoreView(uri: Self.cybersecurity.uri), .loadCollection(uri: Self.cybersecurity.uri)])
        #expect(state.picker == nil && state.collectionURI == Self.cybersecurity.uri)
    }

    @Test func enterOnANeverSyncedCollectionSyncsItThenOpensIt() {
        var state = Self.browsing()
        _ = reduce(&state, .commandIssued(.moveDown))
        _ = reduce(&state, .commandIssued(.moveDown))
        #expect(state.picker?.selected?.collection == Self.osor)
        #expect(reduce(&state, .commandIssued(.open)) == [.syncCollection(Self.osor, remote: Self.remote)])
        #expect(state.status == StatusMessage(.busy, "Syncing Open Source Observatory (OSOR)…"))
        #expect(state.picker?.syncing == Self.osor)
        // One sync at a time: Enter again waits for it.
        #expect(reduce(&state, .commandIssued(.open)).isEmpty)
        let effects = reduce(&state, .collectionSynced(Self.osor, failure: nil))
        #expect(effects == [.restoreView(uri: Self.osor.uri), .loadCollection(uri: Self.osor.uri)])
        #expect(state.picker == nil && state.collectionURI == Self.osor.uri)
    }

    @Test func closingTheBrowserWhileItSyncsKeepsTheCollectionOnScreen() {
        var state = Self.browsing()
        _ = reduce(&state, .commandIssued(.moveToBottom))
        _ = reduce(&state, .commandIssued(.open))
        _ = reduce(&state, .commandIssued(.back))
        #expect(reduce(&state, .collectionSynced(F.collections[5], failure: nil)).isEmpty)
        #expect(state.collectionURI == F.ospoURI && state.picker == nil)
        #expect(state.status == StatusMessage(.info, "Synced Łódź smart city pilots"))
    }

    @Test func aFailedSyncSaysWhyAndTheBrowserStays() {
        var state = Self.browsing()
        _ = reduce(&state, .commandIssued(.moveToBottom))
        let lodz = F.collections[5]
        #expect(reduce(&state, .commandIssued(.open)) == [.syncCollection(lodz, remote: Self.remote)])
        #expect(reduce(&state, .collectionSynced(lodz, failure: "HTTP 404 for /rdf_entity/…/feed.xml")).isEmpty)
        #expect(state.status == StatusMessage(.error, "Could not sync Łódź smart city pilots: HTTP 404 for /rdf_entity/…/feed.xml"))
        #expect(state.picker?.syncing == nil && state.collectionURI == F.ospoURI)
        #expect(state.focus == .picker)
    }

    @Test func withoutARemoteANeverSyncedCollectionSaysHowToConfigureOne() {
        var state = Self.browsing(remote: nil)
        _ = reduce(&state, .commandIssued(.moveToBottom))
        #expect(reduce(&state, .commandIssued(.open)).isEmpty)
        #expect(state.status == StatusMessage(.error, noRemoteMessage))
        // Joining needs the metadata a sync brings.
        #expect(reduce(&state, .commandIssued(.join)).isEmpty)
        #expect(state.status?.text == "Open Łódź smart city pilots first (Enter syncs it)")
        #expect(state.picker != nil)
    }

    @Test func escapeLeavesTheFacetThenClosesAndCClosesToo() {
        var state = Self.browsing()
        _ = reduce(&state, .commandIssued(.focusFilters))
        #expect(state.focus == .pickerTopics)
        _ = reduce(&state, .commandIssued(.back))
        #expect(state.focus == .picker)
        _ = reduce(&state, .commandIssued(.back))
        #expect(state.picker == nil && state.focus == .itemList)
        _ = reduce(&state, .commandIssued(.toggleCollectionPicker))
        _ = reduce(&state, .commandIssued(.toggleCollectionPicker))
        #expect(state.picker == nil)
    }

    @Test func clicksSelectThenOpenARowAndToggleATopic() {
        var state = Self.browsing()
        #expect(reduce(&state, .commandIssued(.pointAtCollection(0))).isEmpty)
        #expect(state.picker?.selected?.collection == Self.cybersecurity)
        #expect(reduce(&state, .commandIssued(.pointAtCollectionTopic(0))).isEmpty)
        #expect(state.focus == .pickerTopics && state.picker?.selectedTopics == [F.ictCategory.uri])
        #expect(Self.titles(state).count == 5)
        #expect(reduce(&state, .commandIssued(.pointAtCollection(99))).isEmpty, "below the last row")
        #expect(reduce(&state, .commandIssued(.pointAtCollection(0))) == [.syncCollection(Self.cybersecurity, remote: Self.remote)])
    }

    @Test func theCursorScrollsByTheMeasuredRows() {
        var state = Self.browsing()
        _ = reduce(&state, .viewportChanged(Viewport(width: 60, height: 14, listRows: 3, memberRows: 6, pickerRows: 3)))
        _ = reduce(&state, .commandIssued(.moveToBottom))
        #expect(state.picker?.cursor == ListCursor(selection: 5, scrollTop: 3))
        _ = reduce(&state, .commandIssued(.pageUp))
        #expect(state.picker?.cursor == ListCursor(selection: 2, scrollTop: 2))
        // The facet keeps its last row for "↓ N more": two topics in view at once.
        _ = reduce(&state, .commandIssued(.focusFilters))
        _ = reduce(&state, .commandIssued(.moveToBottom))
        #expect(state.picker?.topicCursor == ListCursor(selection: 5, scrollTop: 4))
    }

    @Test func withoutADirectoryTheCachedCollectionsAreListedWithoutAFacet() {
        var state = Self.browsing()
        let cached = [CachedCollection(uri: Self.cybersecurity.uri, alias: "cybersecurity", title: "Cybersecurity Working Group", itemCount: 3),
                      CachedCollection(uri: F.ospoURI, alias: "ec-ospo", title: "EC Open Source Programme Office", itemCount: 8)]
        _ = reduce(&state, .collectionsListed(.cached(cached)))
        #expect(state.picker?.isDirectory == false)
        #expect(Self.titles(state) == cached.map(\.title))
        #expect(state.picker?.shownEntries.map(\.itemCount) == [3, 8])
        #expect(state.picker?.topicRows.isEmpty == true)
        _ = reduce(&state, .commandIssued(.focusFilters))
        #expect(state.focus == .picker, "no facet to move to")
    }

    @Test func aboutTakesTheDirectorysNamesForTheCollectionOnScreenOnly() {
        var state = Self.browsing()
        let about = DirectoryAbout(owner: F.snapshot.owners.first, contact: nil, countries: [(F.belgium, "Belgium")])
        _ = reduce(&state, .directoryAboutLoaded(uri: Self.osor.uri, about))
        #expect(state.aboutDirectory == nil)
        _ = reduce(&state, .directoryAboutLoaded(uri: F.ospoURI, about))
        #expect(state.aboutDirectory == about)
        _ = reduce(&state, .commandIssued(.moveToTop))
        _ = reduce(&state, .collectionsListed(Self.catalog(synced: [F.ospoURI, Self.cybersecurity.uri])))
        _ = reduce(&state, .commandIssued(.open))
        #expect(state.aboutDirectory == nil, "switching collection forgets the old names")
    }
}
