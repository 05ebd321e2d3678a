import Foundation
import JoinupCache
import JoinupModel
import JoinupStore
import Testing
@testable import JoinupViews

/// Issue 16, "state shown truly", on memory surfaces at the named sizes: the header's read-only,
/// queued, pending and signed-out states, the picker's membership markers and the outbox overlay.
@Suite struct StateShownFrameTests {
    static let sizes = [(60, 20), (80, 24), (100, 30), (200, 50)]
    static let readAt = Date(timeIntervalSince1970: 1_000_000)

    static func pending(_ id: Int64, _ kind: MembershipActionKind, title: String, uri: String, minutes: Double,
                        error: String?) -> PendingAction {
        PendingAction(id: id, collectionAlias: "a\(id)", collectionURI: uri, collectionTitle: title, kind: kind,
                      idempotencyKey: "k\(id)", created: readAt.addingTimeInterval(-minutes * 60), nextAttempt: readAt,
                      lastError: error)
    }

    static let queuedJoin = pending(1, .join, title: Fixtures.header.title, uri: Fixtures.header.uri, minutes: 4,
                                    error: "could not connect to 127.0.0.1:9 (connection refused)")

    @Test func readonlyNeverOffersToJoin() {
        var state = Fixtures.state
        state.account.isReadonly = true
        for (width, height) in Self.sizes {
            let top = render(state, width: width, height: height).lines[0]
            #expect(top.hasSuffix("read-only"), "\(width)x\(height): \(top)")
            #expect(!top.contains("[J]"), "\(width)x\(height): \(top)")
        }
        // A member stays a member in read-only mode: that is a fact, not an offer.
        state.header?.membership = .active
        #expect(render(state, width: 100, height: 30).lines[0].contains("You're a member"))
    }

    @Test func aQueuedJoinChangesTheHeader() {
        var state = Fixtures.state
        state.account.outbox = [Self.queuedJoin]
        #expect(render(state, width: 100, height: 30).lines[0].hasSuffix("Join queued — will be sent when online"))
        #expect(render(state, width: 200, height: 50).lines[0].hasSuffix("Join queued — will be sent when online"))
        // Narrow: the short form, the title keeps its room.
        let narrow = render(state, width: 60, height: 20).lines[0]
        #expect(narrow.hasSuffix(" Join queued"), "\(narrow)")
        #expect(!narrow.contains("[J]"))
        // A leave queued for a member says so instead of "You're a member".
        var leave = Self.queuedJoin
        leave.kind = .leave
        state.account.outbox = [leave]
        state.header?.membership = .active
        #expect(render(state, width: 100, height: 30).lines[0].hasSuffix("Leave queued — will be sent when online"))
        // Another collection's request changes nothing here.
        leave.collectionURI = "http://data.europa.eu/w21/other"
        state.account.outbox = [leave]
        #expect(render(state, width: 100, height: 30).lines[0].hasSuffix("You're a member"))
    }

    @Test func pendingAndSignedOutAreShown() {
        var state = Fixtures.state
        state.header?.membership = .pending
        state.account.isLoaded = true
        for (width, height) in Self.sizes {
            let lines = render(state, width: width, height: height).lines
            #expect(lines[0].hasSuffix("Membership is pending"), "\(width)x\(height)")
            #expect(lines[1].hasSuffix("Not signed in"), "\(width)x\(height)")
        }
    }

    @Test func thePickerShowsMembershipAndQueuedRequestsPerCollection() {
        var browser = CollectionsBrowser()
        let collections = [CachedCollection(uri: Fixtures.header.uri, alias: "ec-ospo", title: Fixtures.header.title),
                           CachedCollection(uri: "http://data.europa.eu/w21/b", alias: "b", title: "Better regulation"),
                           CachedCollection(uri: "http://data.europa.eu/w21/c", alias: "c", title: "Cybersecurity")]
        let catalog = CollectionCatalog.cached(collections, memberships: ["http://data.europa.eu/w21/b": .pending,
                                                                          "http://data.europa.eu/w21/c": .active])
        browser.load(catalog, current: Fixtures.header.uri, rows: 10)
        var state = Fixtures.state
        state.modal = .picker(browser)
        state.account.outbox = [Self.queuedJoin]
        let text = render(state, width: 100, height: 30).text
        #expect(text.contains("EC Open Source Programme Office"))
        #expect(text.contains("open · join queued · 0 items"), "\(text)")
        #expect(text.contains("open · pending · 0 items"), "\(text)")
        #expect(text.contains("open · member · 0 items"), "\(text)")
    }

    @Test func theOutboxOverlayListsActionCollectionAgeAndLastError() {
        var state = Fixtures.state
        state.account.outbox = [Self.queuedJoin,
                                Self.pending(2, .leave, title: "Cybersecurity", uri: "http://data.europa.eu/w21/c",
                                             minutes: 150, error: nil)]
        state.account.outboxReadAt = Self.readAt
        state.modal = .outbox(OutboxOverlay(cursor: ListCursor(selection: 1)))
        let surface = render(state, width: 100, height: 30)
        let lines = surface.lines
        #expect(lines[1].contains("┌─ Outbox · 2 actions waiting ─"), "\(surface.text)")
        // Two lines a request: action, collection, age; then the last error, whole at 100 columns.
        #expect(lines[2].dropFirst().hasPrefix("│ Join   EC Open Source Programme Office "), "\(surface.text)")
        #expect(lines[2].contains("4 min ago"), "\(surface.text)")
        #expect(lines[3].dropFirst().hasPrefix("│        last error: could not connect to 127.0.0.1:9 (connection refused)"), "\(surface.text)")
        #expect(lines[4].dropFirst().hasPrefix("│ Leave  Cybersecurity "), "\(surface.text)")
        #expect(lines[4].contains("2 h ago"), "\(surface.text)")
        #expect(lines[5].dropFirst().hasPrefix("│        not tried yet"), "\(surface.text)")
        // The age is right-aligned on the request's first line.
        #expect(column(of: "4 min ago", row: 2, in: surface) == 97 - 9)
        // The selected request is highlighted (both lines); the keys are in the status line.
        #expect(surface.rows[4][10].style == .selectedRow && surface.rows[5][10].style == .selectedRow)
        #expect(surface.rows[2][10].style != .selectedRow)
        #expect(lines[29].contains("c cancel") && lines[29].contains("r retry now") && lines[29].contains("Esc close"),
                "\(lines[29])")
        // Every named size draws inside the screen.
        for (width, height) in Self.sizes {
            var bounded = BoundsCheckingSurface(width: width, height: height)
            Screen.render(state, on: &bounded)
            #expect(bounded.violations.isEmpty, "\(width)x\(height): \(bounded.violations.prefix(3))")
        }
    }

    @Test func anEmptyOutboxSaysSo() {
        var state = Fixtures.state
        state.modal = .outbox(OutboxOverlay())
        #expect(render(state, width: 100, height: 30).text.contains("Nothing waits to be sent"))
    }

    @Test func agesReadAsATerminalUserExpects() {
        let now = Self.readAt
        #expect(OutboxOverlayView.age(from: now.addingTimeInterval(-30), to: now) == "just now")
        #expect(OutboxOverlayView.age(from: now.addingTimeInterval(-600), to: now) == "10 min ago")
        #expect(OutboxOverlayView.age(from: now.addingTimeInterval(-7200), to: now) == "2 h ago")
        #expect(OutboxOverlayView.age(from: now.addingTimeInterval(-86_400), to: now) == "1 day ago")
        #expect(OutboxOverlayView.age(from: now.addingTimeInterval(-3 * 86_400), to: now) == "3 days ago")
    }

    @Test func keysOfTheOutboxOverlay() {
        let keys = KeyMap.standard
        #expect(keys.command(for: .character("O"), focus: .itemList) == .toggleOutbox)
        #expect(keys.command(for: .character("O"), focus: .about) == .toggleOutbox)
        #expect(keys.command(for: .character("c"), focus: .outbox) == .cancelOutboxAction)
        #expect(keys.command(for: .character("r"), focus: .outbox) == .retryOutbox)
        #expect(keys.command(for: .escape, focus: .outbox) == .back)
        #expect(keys.command(for: .character("j"), focus: .outbox) == .moveDown)
        #expect(keys.command(for: .character("q"), focus: .outbox) == .quit)
        // Outside the overlay c and r keep their meaning.
        #expect(keys.command(for: .character("c"), focus: .itemList) == .toggleCollectionPicker)
        #expect(keys.command(for: .character("r"), focus: .itemList) == .sync)
        #expect(keys.conflicts().isEmpty)
    }

    /// One clock: an item's and the collection's times are the user's; Joinup's "Last update"
    /// stays Brussels time, labelled where the two meet (About).
    @Test func timesAreTheUsersExceptJoinupsLastUpdate() throws {
        var state = Fixtures.state(tab: .overview, opened: true)
        state.timeZone = try #require(TimeZone(identifier: "UTC"))
        let detail = render(state, width: 100, height: 30).text
        #expect(detail.contains("Published  02/10/2023 08:30"), "\(detail)")
        #expect(detail.contains("Last update: Mon, 26/06/2023 - 13:43"), "the header keeps Joinup's stamp:\n\(detail)")
        state.tab = .about
        let about = render(state, width: 100, height: 30).text
        #expect(about.contains("Created                Tue, 02/06/2020 - 10:00"), "\(about)")
        #expect(about.contains("Last update            Mon, 26/06/2023 - 13:43 (Brussels)"), "\(about)")
        state.timeZone = JoinupDate.brussels
        #expect(render(state, width: 100, height: 30).text.contains("Created                Tue, 02/06/2020 - 12:00"))
    }

    /// One clock: the status line's "synced" stamp and a sync's "Synced 14:02" are the same local time.
    @Test func theSyncedStampIsInTheUsersTime() throws {
        let at = try #require(ISO8601DateFormatter().date(from: "2026-12-06T13:26:00Z"))
        let utc = try #require(TimeZone(identifier: "UTC"))
        let brussels = try #require(TimeZone(identifier: "Europe/Brussels"))
        let origin = DataOrigin.synced(remote: "http://remote.test", at: at)
        #expect(origin.summary(in: utc) == "synced 06/12 13:26")
        #expect(origin.summary(in: brussels) == "synced 06/12 14:26")
        #expect(JoinupDate.clock(at, in: utc) == "13:26")
    }
}
