import Foundation
import JoinupModel
import JoinupTestSupport
import Testing
@testable import JoinupStore

/// Issue 16's links and detail items, as reducer steps: `y` copies, `o` in About chooses a link,
/// `f` and the role chips on Members.
@Suite struct LinkChooserReducerTests {
    private let uri = ReducerTests.uri
    private static let page = "https://joinup.example/collection/test"

    private static var aboutLinks: [LabelledLink] {
        [LabelledLink(label: "Joinup page", url: page), LabelledLink(label: "RSS feed", url: page + "/feed.xml"),
         LabelledLink(label: "Metadata", url: page + "?_format=rdfxml")]
    }

    /// A loaded browser whose About has the fixture's page, feed and metadata links.
    private static func loaded() -> AppState {
        var state = ReducerTests.loaded()
        state.about.collection = Collection.fixture(uri: ReducerTests.uri)
        return state
    }

    @Test func yOnARowReadsTheLinkThenAsksTheTerminalToCopyIt() {
        var store = TestStore(Self.loaded())
        store.send(.moveDown) { $0.overview.cursor.selection = 1 }
        store.send(.copyLink, effects: [.findLinkToCopy(collectionURI: uri, id: "item-1")])
        store.receive(.linkToCopyFound("https://example.org/a"), from: .findLinkToCopy(collectionURI: uri, id: "item-1"),
                      effects: [.terminal(.copyLink("https://example.org/a"))])
        store.receive(.linkHandled(StatusMessage(.info, "Copied https://example.org/a")),
                      from: .terminal(.copyLink("https://example.org/a"))) {
            $0.status = StatusMessage(.info, "Copied https://example.org/a")
        }
    }

    @Test func yInAnOpenedItemCopiesItsLinkAtOnceAndOutsideTheOverviewSaysWhatItDoes() {
        var store = TestStore(Self.loaded())
        let detail = ReducerTests.detail(2, link: "https://example.org/b")
        store.send(.itemLoaded(detail)) { $0.overview.openedItem = detail }
        store.send(.copyLink, effects: [.terminal(.copyLink("https://example.org/b"))])
        store.send(.showTab(.members)) { $0.tab = .members }
        store.send(.copyLink) { $0.status = StatusMessage(.error, "y copies the link of an item: select one on the Overview") }
    }

    @Test func oInAboutListsTheCollectionsLinksAndANumberOpensOne() {
        var store = TestStore(Self.loaded())
        store.send(.showTab(.about)) { $0.tab = .about }
        store.send(.openLink) { $0.modal = .linkChooser(LinkChooser(links: Self.aboutLinks)) }
        #expect(store.state.focus == .linkChooser)
        store.send(.chooseLink(7))
        store.send(.chooseLink(2), effects: [.terminal(.openLink(Self.page + "/feed.xml"))]) { $0.modal = .none }
    }

    @Test func theChooserMovesOpensWithEnterAndClosesWithEscape() {
        var store = TestStore(Self.loaded())
        store.send(.showTab(.about)) { $0.tab = .about }
        store.send(.openLink) { $0.modal = .linkChooser(LinkChooser(links: Self.aboutLinks)) }
        store.send(.moveDown) { $0.modal = .linkChooser(LinkChooser(links: Self.aboutLinks, selection: 1)) }
        store.send(.moveDown) { $0.modal = .linkChooser(LinkChooser(links: Self.aboutLinks, selection: 2)) }
        store.send(.moveDown)
        store.send(.back) { $0.modal = .none }
        store.send(.openLink) { $0.modal = .linkChooser(LinkChooser(links: Self.aboutLinks)) }
        store.send(.moveToBottom) { $0.modal = .linkChooser(LinkChooser(links: Self.aboutLinks, selection: 2)) }
        store.send(.open, effects: [.terminal(.openLink(Self.page + "?_format=rdfxml"))]) { $0.modal = .none }
    }

    @Test func aboutLinksAreHTTPOnlyOnceEachAndNameTheContacts() {
        let about = Collection.fixture(contacts: [
            Collection.Contact(name: "OSPO", email: "ospo@example.org", url: "https://ospo.example"),
            Collection.Contact(name: "Page again", email: nil, url: Self.page),
            Collection.Contact(name: "Bad", email: nil, url: "javascript:alert(1)"),
        ])
        #expect(LinkChooser.aboutLinks(about, directory: nil).map(\.label)
            == ["Joinup page", "RSS feed", "Metadata", "Contact: OSPO"])
        // No links at all: the chooser does not open, the status line says why.
        var state = ReducerTests.loaded()
        state.about.collection = Collection.fixture(uri: ReducerTests.uri, site: nil)
        var store = TestStore(state)
        store.send(.showTab(.about)) { $0.tab = .about }
        store.send(.openLink) { $0.status = StatusMessage(.error, "This collection has no links to open") }
    }

    @Test func fCyclesOnlyThroughRolesThatHaveMembers() {
        var store = TestStore(Self.loaded())
        store.send(.showTab(.members)) { $0.tab = .members }
        store.send(.membersLoaded(role: nil, nameQuery: "", members: store.state.members.members,
                                  roleCounts: [.owner: 1, .facilitator: 0, .member: 58])) {
            $0.members.roleCounts = [.owner: 1, .facilitator: 0, .member: 58]
        }
        for role in [Role.owner, .member, nil] {
            store.send(.cycleRoleFilter, effects: [.loadMembers(uri: uri, role: role, nameQuery: "")]) {
                $0.members.role = role
            }
        }
    }

    @Test func aClickOnARoleChipShowsThatRole() {
        var store = TestStore(Self.loaded())
        store.send(.showTab(.members)) { $0.tab = .members }
        store.send(.pointAtMember(4)) { $0.members.cursor.selection = 4 }
        store.send(.pointAtRole(.member), effects: [.loadMembers(uri: uri, role: .member, nameQuery: "")]) {
            $0.members.role = .member
            $0.members.cursor = ListCursor()
        }
        // The chosen chip again changes nothing; "All" goes back.
        store.send(.pointAtRole(.member))
        store.send(.pointAtRole(nil), effects: [.loadMembers(uri: uri, role: nil, nameQuery: "")]) { $0.members.role = nil }
    }
}
