import Foundation
import Testing
@testable import JoinupViews
import JoinupCache
import JoinupModel
import JoinupStore

/// How read state shows: the unread mark and role, "new", the header's count, the "Unread"
/// filter row, the collections browser's counts and the "mark all read" confirmation.
@Suite struct ReadStateViewTests {
    init() { TestLocale.ensure() }

    /// The fixture list with news-1 unread and arrived after the last opening, event-1 unread only.
    static func state() -> AppState {
        var state = Fixtures.state(tab: .overview)
        state.overview.lastOpened = Fixtures.date("2026-01-01T00:00:00Z")
        state.overview.window.rows[0].isRead = false
        state.overview.window.rows[1].isRead = false
        state.overview.window.rows[1].firstSeen = Fixtures.date("2026-02-01T00:00:00Z")
        state.overview.cursor.selection = 3
        state.header?.unreadCount = 2
        return state
    }

    @Test func unreadTitlesCarryTheMarkAndTheRoleAndArrivalsSayNew() {
        let surface = render(Self.state(), width: 100, height: 30)
        let event = try! #require(surface.lines.firstIndex { $0.contains("Register for the biggest") })
        let x = try! #require(column(of: "• Register", row: event, in: surface))
        #expect(surface.style(x: x, y: event) == .unreadRow)
        #expect(surface.style(x: x + 4, y: event) == .unreadRow)
        #expect(!surface.lines[event + 1].contains("new"), "read or not, an item from before the opening is not new")
        let news = try! #require(surface.lines.firstIndex { $0.contains("• Accepting open source") })
        #expect(surface.lines[news + 1].contains("26/06/2023 new News"), "\(surface.lines[news + 1])")
        let read = try! #require(surface.lines.firstIndex { $0.contains("FOSSEPS") })
        #expect(!surface.lines[read].contains("•"))
        let title = try! #require(column(of: "FOSSEPS", row: read, in: surface))
        #expect(surface.style(x: title, y: read) == .listRow)
    }

    @Test func headerSaysHowManyAreUnreadAndNothingWhenNone() {
        var state = Self.state()
        #expect(render(state, width: 100, height: 30).lines[2].contains("59 members · 0 Solutions · 2 unread"))
        state.header?.unreadCount = 0
        #expect(!render(state, width: 100, height: 30).lines[2].contains("unread"))
    }

    @Test func theFilterPaneOffersUnreadWithItsCount() {
        var state = Self.state()
        state.overview.unreadCount = 2
        let surface = render(state, width: 100, height: 30)
        #expect(surface.lines.contains { $0.contains("Unread (2)") }, "\(surface.lines.joined(separator: "\n"))")
    }

    @Test func theConfirmationSaysHowManyItemsItWillMark() {
        var state = Self.state()
        state.modal = .markAllRead(MarkAllReadDialog(collectionURI: "u", filter: .none, count: 8), over: .none)
        let text = render(state, width: 100, height: 30).lines.joined(separator: "\n")
        #expect(text.contains("Mark read"))
        #expect(text.contains("Mark all 8 items of this collection as read?"))
        #expect(text.contains("y/Enter confirm") && text.contains("n/Esc cancel"))
    }

    @Test func theCollectionsBrowserShowsUnreadCounts() {
        let collection = DirectoryCollection(uri: "http://data.europa.eu/w21/a", alias: "a", title: "Alpha")
        let catalog = CollectionCatalog(listings: [DirectoryListing(collection: collection, isPublished: true, isSynced: true, membership: nil)],
                                        itemCounts: [collection.uri: 12], isDirectory: false, unreadCounts: [collection.uri: 5])
        var browser = CollectionsBrowser()
        browser.load(catalog, current: nil, rows: 20)
        var state = Self.state()
        state.modal = .picker(browser)
        let text = render(state, width: 100, height: 30).lines.joined(separator: "\n")
        #expect(text.contains("12 items · 5 unread"), "\(text)")
    }

    @Test func theKeyTableHoldsTheReadKeysSoHelpAndRemappingFollow() {
        let map = KeyMap.standard
        #expect(map.command(for: .character("m"), focus: .itemList) == .toggleRead)
        #expect(map.command(for: .character("m"), focus: .itemDetail) == .toggleRead)
        #expect(map.command(for: .character("n"), focus: .itemList) == .nextUnread)
        #expect(map.command(for: .character("N"), focus: .itemList) == .previousUnread)
        #expect(map.command(for: .character("A"), focus: .itemList) == .markAllRead)
        #expect(map.command(for: .character("n"), focus: .dialog) == .cancelDialog, "in a confirmation n still means no")
        let help = map.helpSections().flatMap(\.bindings).map(\.description)
        #expect(help.contains("Next unread") && help.contains("All read"))
    }
}
