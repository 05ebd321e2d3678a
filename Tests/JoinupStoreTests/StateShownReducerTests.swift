import Foundation
import JoinupCache
import JoinupModel
import JoinupSync
import JoinupTestSupport
import Testing
@testable import JoinupStore

/// Issue 16, "state shown truly": queued, withdrawn and signed-out states, the outbox overlay's
/// keys, and the collection recorded for the next start.
@Suite struct StateShownReducerTests {
    static let uri = ReducerTests.uri
    static let readAt = Date(timeIntervalSince1970: 1_000_000)

    static func pending(_ id: Int64, _ kind: MembershipActionKind, uri: String = uri, title: String = "Test",
                        error: String? = nil) -> PendingAction {
        PendingAction(id: id, collectionAlias: "test", collectionURI: uri, collectionTitle: title, kind: kind,
                      idempotencyKey: "key-\(id)", created: readAt.addingTimeInterval(-600), attempts: error == nil ? 0 : 1,
                      nextAttempt: readAt, lastError: error)
    }

    static let two = [pending(1, .join, error: "connection refused"),
                      pending(2, .leave, uri: "http://data.europa.eu/w21/other", title: "Other")]

    @Test func aQueuedJoinIsWhatTheAppKnowsOfTheCollection() {
        var store = TestStore(MembershipReducerTests.loaded())
        #expect(store.state.account.queued(for: Self.uri) == nil)
        store.send(.outboxLoaded([Self.pending(1, .join)], at: Self.readAt)) {
            $0.account.outbox = [Self.pending(1, .join)]
            $0.account.outboxReadAt = Self.readAt
            $0.account.waitingActions = 1
        }
        #expect(store.state.account.queued(for: Self.uri) == .join)
        #expect(store.state.account.queued(for: "http://data.europa.eu/w21/other") == nil)
        // Delivered: the outbox no longer holds it.
        store.send(.outboxLoaded([], at: Self.readAt)) {
            $0.account.outbox = []
            $0.account.waitingActions = 0
        }
        #expect(store.state.account.queued(for: Self.uri) == nil)
    }

    @Test func leavingAPendingRequestSaysItWasWithdrawn() {
        var store = TestStore(MembershipReducerTests.loaded())
        let withdrawn = MembershipReducerTests.result(.withdrawn, kind: .leave, membership: MyMembership.none)
        store.send(.outboxDelivered([withdrawn], waiting: 0),
                   effects: [.loadCollection(uri: Self.uri), .loadMembers(uri: Self.uri, role: nil, nameQuery: "")]) {
            $0.status = StatusMessage(.success, "Your request to join Test was withdrawn.", subject: "Test")
        }
        #expect(!withdrawn.message.contains("no longer a member"))
    }

    @Test func aSignOutElsewhereIsReadOnTheNextTick() {
        var store = TestStore(MembershipReducerTests.loaded(signedIn: true))
        #expect(store.state.account.signInLabel == "Signed in as Ana Novak")
        store.send(.credentialsChanged, effects: [.loadAccount])
        store.receive(.accountLoaded(signedIn: false, user: nil, waiting: 0), from: .loadAccount) {
            $0.account.isSignedIn = false
            $0.account.userName = nil
        }
        #expect(store.state.account.signInLabel == "Not signed in")
    }

    @Test func theOutboxOverlayOpensMovesCancelsAndCloses() {
        var store = TestStore(MembershipReducerTests.loaded())
        store.send(.toggleOutbox, effects: [.loadOutbox]) { $0.modal = .outbox(OutboxOverlay()) }
        #expect(store.state.focus == .outbox)
        store.receive(.outboxLoaded(Self.two, at: Self.readAt), from: .loadOutbox) {
            $0.account.outbox = Self.two
            $0.account.outboxReadAt = Self.readAt
            $0.account.waitingActions = 2
        }
        store.send(.moveDown) { $0.modal = .outbox(OutboxOverlay(cursor: ListCursor(selection: 1))) }
        store.send(.moveDown)
        store.send(.cancelOutboxAction, effects: [.cancelOutboxAction(id: 2)])
        store.receive(.outboxActionCancelled(Self.two[1]), from: .cancelOutboxAction(id: 2), effects: [.loadOutbox]) {
            $0.status = StatusMessage(.success, "Cancelled the leave request for Other", subject: "Other")
        }
        // The cursor stays on a row that exists.
        store.receive(.outboxLoaded([Self.two[0]], at: Self.readAt), from: .loadOutbox) {
            $0.account.outbox = [Self.two[0]]
            $0.account.waitingActions = 1
            $0.modal = .outbox(OutboxOverlay(cursor: ListCursor(selection: 0)))
        }
        // Gone meanwhile (delivered by the timer): said, and read again.
        store.send(.outboxActionCancelled(nil), effects: [.loadOutbox]) {
            $0.status = StatusMessage(.error, "That request has left the outbox already (sent or cancelled)")
        }
        store.send(.back) { $0.modal = .none }
        #expect(store.state.focus == .itemList)
    }

    @Test func retryNowSendsEveryRequestOnceAndNotInReadOnlyMode() {
        var store = TestStore(MembershipReducerTests.loaded())
        let remote = "http://127.0.0.1:9"
        store.assume {
            $0.remote = remote
            $0.modal = .outbox(OutboxOverlay())
            $0.account.outbox = Self.two
            $0.account.waitingActions = 2
        }
        store.send(.retryOutbox, effects: [.retryOutbox(remote: remote)]) {
            $0.account.isDelivering = true
            $0.status = StatusMessage(.busy, "Sending the outbox (2 actions waiting)…")
        }
        store.send(.retryOutbox) { $0.status = StatusMessage(.busy, "Sending already…") }
        store.assume {
            $0.account.isDelivering = false
            $0.account.isReadonly = true
        }
        store.send(.retryOutbox) { $0.status = StatusMessage(.error, readonlyMessage) }
    }

    @Test func anEmptyOutboxHasNothingToCancelOrSend() {
        var store = TestStore(MembershipReducerTests.loaded())
        store.assume { $0.modal = .outbox(OutboxOverlay()) }
        store.send(.cancelOutboxAction) { $0.status = StatusMessage(.info, "Nothing to cancel: the outbox is empty") }
        store.send(.retryOutbox) { $0.status = StatusMessage(.info, "Nothing to send: the outbox is empty") }
        store.send(.toggleOutbox) {
            $0.modal = .none
            $0.status = nil
        }
    }

    @Test func theRetryTickRefreshesTheOpenOverlay() {
        var store = TestStore(MembershipReducerTests.loaded())
        store.assume {
            $0.account.outbox = Self.two
            $0.account.waitingActions = 2
        }
        store.send(.outboxTick, effects: [.deliverOutbox(remote: nil)]) { $0.account.isDelivering = true }
        store.send(.toggleOutbox, effects: [.loadOutbox]) { $0.modal = .outbox(OutboxOverlay()) }
        store.send(.outboxTick, effects: [.loadOutbox])
        // Help opens over the overlay and gives it back.
        store.send(.toggleHelp) { $0.modal = .help(HelpState(), over: .outbox(OutboxOverlay())) }
        store.send(.back) { $0.modal = .outbox(OutboxOverlay()) }
    }

    @Test func theCollectionOnScreenIsRecordedForTheNextStart() {
        // At the start (the collection chosen by --collection or the last one) and on every switch
        // (ReducerTests and CollectionsBrowserTests state `.recordOpening` for the picker's open).
        var state = AppState()
        #expect(reduce(&state, .started(collectionURI: Self.uri)).contains(.recordOpening(uri: Self.uri)))
    }
}
