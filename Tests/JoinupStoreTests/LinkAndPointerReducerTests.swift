import Foundation
import JoinupModel
import JoinupTestSupport
import Testing
@testable import JoinupStore

@Suite struct LinkAndPointerReducerTests {
    private let uri = ReducerTests.uri

    @Test func oOnARowReadsTheLinkThenHandsItToTheTerminal() {
        var store = TestStore(ReducerTests.loaded())
        store.send(.moveDown) { $0.overview.cursor.selection = 1 }
        store.send(.openLink, effects: [.findLink(collectionURI: uri, id: "item-1")])
        store.receive(.linkFound("https://example.org/a"), from: .findLink(collectionURI: uri, id: "item-1"),
                      effects: [.terminal(.openLink("https://example.org/a"))])
        store.receive(.linkHandled(StatusMessage(.info, "Opened")), from: .terminal(.openLink("https://example.org/a"))) {
            $0.status = StatusMessage(.info, "Opened")
        }
    }

    @Test func oInAnOpenedItemUsesItsLinkAtOnce() {
        var store = TestStore(ReducerTests.loaded())
        let detail = ReducerTests.detail(2, link: "https://example.org/b")
        store.send(.itemLoaded(detail)) { $0.overview.openedItem = detail }
        store.send(.openLink, effects: [.terminal(.openLink("https://example.org/b"))])
    }

    @Test func oOutsideTheOverviewSaysWhatItDoes() {
        var store = TestStore(ReducerTests.loaded())
        store.send(.showTab(.members)) { $0.tab = .members }
        store.send(.openLink) { $0.status = StatusMessage(.error, "o opens the link of an item: select one on the Overview") }
    }

    @Test func clickingARowSelectsItAndClickingTheSelectedRowOpensIt() {
        var store = TestStore(ReducerTests.loaded())
        store.send(.pointAtItem(3)) { $0.overview.cursor.selection = 3 }
        store.send(.pointAtItem(3), effects: [.loadItem(collectionURI: uri, id: "item-3")])
        store.send(.pointAtItem(99))
    }

    @Test func clickingAFilterRowTogglesIt() throws {
        var store = TestStore(ReducerTests.loaded())
        let index = try #require(store.state.overview.facetRows.firstIndex { if case .kind(.news, _, _) = $0 { true } else { false } })
        var step = FilterReducerTests.reloading(store) {
            $0.overview.paneFocus = .filters
            $0.overview.facetCursor.selection = index
            $0.overview.filter.kinds = [.news]
        }
        store.send(.pointAtFacet(index), effects: step.effects, step.update)
        #expect(store.state.focus == .filters)
        step = FilterReducerTests.reloading(store) { $0.overview.filter.kinds = [] }
        store.send(.pointAtFacet(index), effects: step.effects, step.update)
        // A heading is not a filter.
        store.send(.pointAtFacet(0))
    }

    @Test func clickingAMemberSelectsIt() {
        var store = TestStore(ReducerTests.loaded())
        store.send(.showTab(.members)) { $0.tab = .members }
        store.send(.pointAtMember(4)) { $0.members.cursor.selection = 4 }
        // Not on the Overview: a member index means nothing there.
        store.send(.showTab(.overview)) { $0.tab = .overview }
        store.send(.pointAtMember(6))
    }

    @Test func clicksDoNothingUnderTheConfirmation() {
        var store = TestStore(MembershipReducerTests.loaded())
        let dialog = MembershipDialog(request: MembershipReducerTests.request, isClosed: false, isSignedIn: true)
        store.send(.join) { $0.modal = .dialog(dialog, over: .none) }
        store.send(.pointAtItem(3))
        store.send(.showTab(.members))
    }

    @Test func statusFromOutsideIsShown() {
        var store = TestStore(ReducerTests.loaded())
        store.send(.statusShown(StatusMessage(.error, "config: bad"))) { $0.status = StatusMessage(.error, "config: bad") }
    }

    @Test func theThemeKeyAsksTheTerminalForTheNextThemeWhateverHasTheKeys() {
        var store = TestStore(ReducerTests.loaded())
        store.send(.cycleTheme, effects: [.terminal(.nextTheme)])
        store.receive(.themeChanged(name: "light"), from: .terminal(.nextTheme)) {
            $0.status = StatusMessage(.info, "Theme: light")
        }
        // An info ends with the next command.
        store.send(.toggleHelp) {
            $0.modal = .help(HelpState(), over: .none)
            $0.status = nil
        }
        store.send(.cycleTheme, effects: [.terminal(.nextTheme)])
    }
}
