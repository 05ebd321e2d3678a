import Foundation
import JoinupModel
import JoinupStore
import Testing
@testable import JoinupViews

/// The status line's message beside the hints, the message log, and the header at narrow widths.
@Suite struct MessageFrameTests {
    init() { TestLocale.ensure() }

    static let syncFailure = "Sync failed: directory: http://127.0.0.1:9/collections.xml: "
        + "Could not connect to the server (connection refused)"
    static let groupTitle = "Grupo de trabajo de ciberseguridad pública"
    static let underApproval = StatusMessage(.success, "Your membership to the \(groupTitle) collection is under approval.",
                                             subject: groupTitle)

    static func state(_ message: StatusMessage?, signedIn user: String? = nil) -> AppState {
        var state = Fixtures.state(tab: .overview)
        state.status = message
        if let user {
            state.account.isLoaded = true
            state.account.isSignedIn = true
            state.account.userName = user
        }
        return state
    }

    @Test func aLongErrorIsCutWithMoreAndTheHelpHintKeptAt80x24() {
        let surface = render(Self.state(StatusMessage(.error, Self.syncFailure)), width: 80, height: 24)
        #expect(surface.lines[23] == " ↑↓ move  ? help  Sync failed: directory: http://127.0.0.1:9/collect… (M: more)")
        #expect(surface.style(x: 78, y: 23) == .statusError)
    }

    @Test func aLongErrorIsCutWithMoreAndTheHelpHintKeptAt60x20() {
        let surface = render(Self.state(StatusMessage(.error, Self.syncFailure)), width: 60, height: 20)
        #expect(surface.lines[19] == " ↑↓ move  ? help  Sync failed: directory: http:/… (M: more)")
    }

    @Test func aMessageThatFitsIsWholeWithoutMore() {
        let surface = render(Self.state(StatusMessage(.info, "Sorted oldest first")), width: 80, height: 24)
        #expect(surface.lines[23] == " ↑↓ move  Enter open  ← filters  / search  r sync  ? help   Sorted oldest first")
    }

    @Test func theHelpHintIsNeverPushedOffEvenByTheOrigin() {
        let line = render(Self.state(nil), width: 60, height: 20).lines[19]
        #expect(line == " ↑↓ move  Enter open  ← filters  ? help   embedded snapshot")
    }

    @Test func aJoinOutcomeShortensTheTitleNotTheOutcome() {
        let at80 = render(Self.state(Self.underApproval), width: 80, height: 24).lines[23]
        #expect(at80 == " ↑↓ move  ? help  Your membership to the Grupo d… collection is under approval.")
        let at100 = render(Self.state(Self.underApproval), width: 100, height: 30).lines[29]
        #expect(at100 == " ↑↓ move  Enter open  ? help  Your membership to the Grupo de trabaj… collection is under approval.")
        // With room for a useful part of the title, the tail says the log has it whole.
        let at120 = render(Self.state(Self.underApproval), width: 120, height: 30).lines[29]
        #expect(at120 == " ↑↓ move  Enter open  ← filters  ? help  Your membership to the Grupo de traba… collection is under approval. (M: more)")
    }

    @Test func theHeaderNeverRunsTogetherAt60x20() {
        let surface = render(Self.state(nil, signedIn: "Test User"), width: 60, height: 20)
        #expect(surface.lines[1] == " Last update: 26/06/2023 - 13:43     Signed in as Test User")
        let wide = render(Self.state(nil, signedIn: "Test User"), width: 100, height: 30)
        #expect(wide.lines[1].hasPrefix(" Last update: Mon, 26/06/2023 - 13:43 "))
        #expect(wide.lines[1].hasSuffix("Signed in as Test User"))
    }

    @Test func theHeaderShortensTheStampThenDropsTheAccountAtTheNarrowest() {
        let at50 = render(Self.state(nil, signedIn: "Test User"), width: 50, height: 20).lines[1]
        #expect(at50 == " Last update: 26/06/2023   Signed in as Test User")
        let at40 = render(Self.state(nil, signedIn: "Test User"), width: 40, height: 20).lines[1]
        #expect(at40 == " Last update: 26/06/2023 - 13:43")
    }

    /// The frame at 60x20 with the account signed in and a cut error: the header row and the
    /// status line change, and nothing between them (the body is pinned by FrameSnapshotTests).
    @Test func overviewWithACutErrorAt60x20() {
        let surface = render(Self.state(StatusMessage(.error, Self.syncFailure), signedIn: "Test User"), width: 60, height: 20)
        let plain = render(Self.state(nil), width: 60, height: 20)
        #expect(surface.lines[0] == " EC Open Source Programme Office   [J] Join this collection")
        #expect(surface.lines[1] == " Last update: 26/06/2023 - 13:43     Signed in as Test User")
        #expect(Array(surface.lines[2..<19]) == Array(plain.lines[2..<19]))
        #expect(surface.lines[19] == " ↑↓ move  ? help  Sync failed: directory: http:/… (M: more)")
    }

    /// `M`: the log over the tabs, newest first, each message whole and wrapped, with its time.
    @Test func theMessageLogShowsEveryMessageWholeAt80x24() {
        var state = Self.state(nil)
        let shown = Fixtures.date("2024-06-28T08:19:05Z")
        state.status = StatusMessage(.info, "Sorted oldest first")
        state.status = StatusMessage(.error, Self.syncFailure)
        state.messages.stamp(shown)
        state.modal = .messages(MessageLogState(), over: .none)
        let surface = render(state, width: 80, height: 24)
        let time = MessageLogOverlay.clockTime(shown)
        #expect(surface.lines[1].hasPrefix(" ┌─ Messages, newest first (local time) — M or Esc to close ─"))
        #expect(surface.lines[2] == " │ \(time) ✗ Sync failed: directory: http://127.0.0.1:9/collections.xml:     │")
        #expect(surface.lines[3].hasPrefix(" │            Could not connect to the server (connection refused)            │"))
        #expect(surface.lines[4] == " │ \(time) · Sorted oldest first                                             │")
        // The status line stays: it still says the error is cut, and what M does.
        #expect(surface.lines[23].hasSuffix("(M: more)"))
    }

    @Test func aLongLogScrollsAndSaysSo() {
        var state = Self.state(nil)
        for n in 1...40 { state.status = StatusMessage(.info, "message \(n)") }
        state.modal = .messages(MessageLogState(scroll: 5), over: .none)
        let viewport = ScreenLayout.viewport(for: state, width: 60, height: 20)
        #expect(viewport.messagesRows == 16)
        #expect(viewport.messagesMaxScroll == 40 - 16)
        let surface = render(state, width: 60, height: 20)
        #expect(surface.lines[2].contains("message 35"), "newest first, scrolled by 5:\n\(surface.text)")
        #expect(surface.lines[18].contains("↓ more"))
    }
}
