import Foundation
import JoinupModel
import Testing
@testable import JoinupStore

@Suite struct LinkAndPointerReducerTests {
    private let uri = ReducerTests.uri

    private func detail(link: String) -> ItemDetail {
        let item = Item(id: "item-2", collectionURI: uri, kind: .news, title: "Item 2", link: link, body: "b",
                        author: "a", published: Date(timeIntervalSince1970: 0), topicURIs: [])
        return ItemDetail(item: item, topics: [])
    }

    @Test func oOnARowReadsTheLinkThenHandsItToTheTerminal() {
        var state = ReducerTests.loaded()
        _ = reduce(&state, .commandIssued(.moveDown))
        #expect(reduce(&state, .commandIssued(.openLink)) == [.findLink(collectionURI: uri, id: "item-1")])
        #expect(state.pendingLink == nil)
        _ = reduce(&state, .linkFound("https://example.org/a"))
        #expect(state.pendingLink == "https://example.org/a")
        _ = reduce(&state, .linkHandled(StatusMessage(.info, "Opened")))
        #expect(state.pendingLink == nil)
        #expect(state.status == StatusMessage(.info, "Opened"))
    }

    @Test func oInAnOpenedItemUsesItsLinkAtOnce() {
        var state = ReducerTests.loaded()
        _ = reduce(&state, .itemLoaded(detail(link: "https://example.org/b")))
        #expect(reduce(&state, .commandIssued(.openLink)) == [])
        #expect(state.pendingLink == "https://example.org/b")
    }

    @Test func oOutsideTheOverviewSaysWhatItDoes() {
        var state = ReducerTests.loaded()
        _ = reduce(&state, .commandIssued(.showTab(.members)))
        #expect(reduce(&state, .commandIssued(.openLink)) == [])
        #expect(state.pendingLink == nil)
        #expect(state.status?.kind == .error)
    }

    @Test func clickingARowSelectsItAndClickingTheSelectedRowOpensIt() {
        var state = ReducerTests.loaded()
        #expect(reduce(&state, .commandIssued(.pointAtItem(3))) == [])
        #expect(state.overview.cursor.selection == 3)
        #expect(reduce(&state, .commandIssued(.pointAtItem(3))) == [.loadItem(collectionURI: uri, id: "item-3")])
        #expect(reduce(&state, .commandIssued(.pointAtItem(99))) == [])
        #expect(state.overview.cursor.selection == 3)
    }

    @Test func clickingAFilterRowTogglesIt() throws {
        var state = ReducerTests.loaded()
        let index = try #require(state.overview.facetRows.firstIndex { if case .kind(.news, _, _) = $0 { true } else { false } })
        let effects = reduce(&state, .commandIssued(.pointAtFacet(index)))
        #expect(state.overview.filter.kinds == [.news])
        #expect(state.focus == .filters)
        #expect(state.overview.facetCursor.selection == index)
        #expect(!effects.isEmpty)
        _ = reduce(&state, .commandIssued(.pointAtFacet(index)))
        #expect(state.overview.filter.kinds.isEmpty)
    }

    @Test func clickingAMemberSelectsIt() {
        var state = ReducerTests.loaded()
        _ = reduce(&state, .commandIssued(.showTab(.members)))
        _ = reduce(&state, .commandIssued(.pointAtMember(4)))
        #expect(state.members.cursor.selection == 4)
        // Not on the Overview: a member index means nothing there.
        _ = reduce(&state, .commandIssued(.showTab(.overview)))
        _ = reduce(&state, .commandIssued(.pointAtMember(6)))
        #expect(state.members.cursor.selection == 4)
    }

    @Test func statusFromOutsideIsShown() {
        var state = ReducerTests.loaded()
        _ = reduce(&state, .statusShown(StatusMessage(.info, "Theme: light")))
        #expect(state.status == StatusMessage(.info, "Theme: light"))
    }
}
