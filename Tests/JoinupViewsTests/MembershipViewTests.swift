import JoinupModel
import JoinupSettings
import JoinupStore
import Testing
@testable import JoinupViews

/// The confirmation dialog, the signed-in line and the waiting count, drawn on a memory surface.
@Suite struct MembershipViewTests {
    static let request = MembershipRequest(collectionAlias: "ec-ospo", collectionURI: Fixtures.header.uri,
                                           collectionTitle: "EC Open Source Programme Office", kind: .join)

    @Test func joinDialogShowsTheQuestionAndItsKeys() {
        var state = Fixtures.state
        state.modal = .dialog(MembershipDialog(request: Self.request, isClosed: false, isSignedIn: true), over: .none)
        let text = render(state, width: 100, height: 30).lines.joined(separator: "\n")
        #expect(text.contains("Join EC Open Source Programme Office? This collection is"))
        #expect(text.contains("open: you become a member at once."))
        #expect(text.contains("y/Enter confirm"))
        #expect(text.contains("n/Esc cancel"))
        #expect(!text.contains("joinup login"))
        // The status line hints follow the dialog's focus too.
        #expect(KeyMap.standard.hints(for: .dialog).contains("y/Enter confirm"))
    }

    @Test func signedOutDialogSaysHowToSignIn() {
        var state = Fixtures.state
        var leave = Self.request
        leave.kind = .leave
        state.modal = .dialog(MembershipDialog(request: leave, isClosed: false, isSignedIn: false), over: .none)
        let text = render(state, width: 100, height: 30).lines.joined(separator: " ")
        // Wrapped inside the box: the lines hold the question in order.
        #expect(text.contains("Are you sure you want to leave the EC Open Source Programme"))
        #expect(text.contains("Office collection?"))
        #expect(text.contains("joinup login"))
    }

    @Test func dialogFitsASmallScreen() {
        var state = Fixtures.state
        state.modal = .dialog(MembershipDialog(request: Self.request, isClosed: true, isSignedIn: false), over: .none)
        var surface = BoundsCheckingSurface(width: 40, height: 12)
        Screen.render(state, on: &surface)
        #expect(surface.violations.isEmpty, "\(surface.violations.prefix(3))")
        // A 36-column box (columns 2–37, rows 1–10), the question wrapped to its 32 inner columns
        // and the keys cut with "…".
        let frame = surface.inner
        #expect(frame.lines[1].dropFirst(2).hasPrefix("┌─ Join ───────────────────────────┐"), "\(frame.text)")
        #expect(frame.lines[10].dropFirst(2).hasPrefix("└──────────────────────────────────┘"), "\(frame.text)")
        let inside = ["Join EC Open Source Programme", "Office? This collection is", "closed: a facilitator must",
                      "approve your request.", "", "Not signed in: run `joinup", "login` in a shell. Confirming",
                      "y/Enter confirm  n/Esc cancel  …"]
        for (offset, text) in inside.enumerated() {
            #expect(frame.lines[2 + offset].dropFirst(2).hasPrefix("│ " + TextWidth.pad(text, to: 32) + " │"), "\(frame.text)")
        }
    }

    @Test func headerShowsTheAccountOnceKnown() {
        var state = Fixtures.state
        #expect(!render(state, width: 100, height: 30).lines[1].contains("signed in"), "nothing before the account is read")
        state.account.isLoaded = true
        #expect(render(state, width: 100, height: 30).lines[1].contains("Not signed in"))
        state.account.isSignedIn = true
        state.account.userName = "Ana Novak"
        #expect(render(state, width: 100, height: 30).lines[1].contains("Signed in as Ana Novak"))
    }

    @Test func statusLineCountsWaitingActions() {
        var state = Fixtures.state
        state.account.waitingActions = 2
        #expect(render(state, width: 100, height: 30).lines.last?.contains("2 actions waiting") == true)
    }

    @Test func joinAndLeaveWorkInThePickerAndDialogKeysOnlyInTheDialog() {
        let keys = KeyMap.standard
        #expect(keys.command(for: .character("J"), focus: .picker) == .join)
        #expect(keys.command(for: .character("L"), focus: .itemList) == .leave)
        #expect(keys.command(for: .character("y"), focus: .dialog) == .confirm)
        #expect(keys.command(for: .enter, focus: .dialog) == .confirm)
        #expect(keys.command(for: .escape, focus: .dialog) == .cancelDialog)
        #expect(keys.command(for: .character("n"), focus: .dialog) == .cancelDialog)
        // Outside the dialog y copies a link (issue 16), it never confirms anything.
        #expect(keys.command(for: .character("y"), focus: .itemList) == .copyLink)
        #expect(keys.command(for: .character("y"), focus: .members) == nil)
        #expect(keys.command(for: .character("J"), focus: .dialog) == nil)
    }
}
