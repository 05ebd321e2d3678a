import Foundation
import JoinupCache
import JoinupModel
import JoinupSync
import JoinupTestSupport
import Testing
@testable import JoinupStore

/// Every path through the join/leave confirmation, as a user's session.
@Suite struct MembershipReducerTests {
    static let uri = ReducerTests.uri

    /// A loaded browser with the account read (signed in or not, `waiting` requests queued).
    static func loaded(signedIn: Bool = true, waiting: Int = 0, closed: Bool = false) -> AppState {
        var state = ReducerTests.loaded()
        var about = ReducerTests.aboutFixture
        about.isClosed = closed
        _ = reduce(&state, .collectionLoaded(header: state.header!, about: about, aboutTopics: []))
        _ = reduce(&state, .accountLoaded(signedIn: signedIn, user: signedIn ? "Ana Novak" : nil, waiting: waiting))
        return state
    }

    static let request = MembershipRequest(collectionAlias: "test", collectionURI: uri, collectionTitle: "Test", kind: .join)

    static func result(_ outcome: MembershipOutcome, kind: MembershipActionKind = .join, membership: MyMembership? = nil) -> DeliveryResult {
        DeliveryResult(action: PendingAction(id: 1, collectionAlias: "test", collectionURI: uri, collectionTitle: "Test",
                                             kind: kind, idempotencyKey: "k", created: Date(timeIntervalSince1970: 0),
                                             nextAttempt: Date(timeIntervalSince1970: 0)),
                       outcome: outcome, membership: membership)
    }

    static func dialog(_ kind: MembershipActionKind = .join, closed: Bool = false, signedIn: Bool = true) -> MembershipDialog {
        var request = request
        request.kind = kind
        return MembershipDialog(request: request, isClosed: closed, isSignedIn: signedIn)
    }

    @Test func accountWithWaitingRequestsDeliversThem() {
        var store = TestStore(ReducerTests.loaded())
        store.assume { $0.remote = "http://127.0.0.1:9" }
        store.send(.accountLoaded(signedIn: true, user: "Ana", waiting: 2), effects: [.deliverOutbox(remote: "http://127.0.0.1:9")]) {
            $0.account.isLoaded = true
            $0.account.isSignedIn = true
            $0.account.userName = "Ana"
            $0.account.waitingActions = 2
            $0.account.isDelivering = true
        }
        #expect(store.state.account.signInLabel == "Signed in as Ana")
    }

    @Test func joinOnAnOpenCollectionAsksThenQueues() {
        var store = TestStore(Self.loaded())
        store.send(.join) { $0.modal = .dialog(Self.dialog(), over: .none) }
        #expect(store.state.focus == .dialog)
        #expect(Self.dialog().question == "Join Test? This collection is open: you become a member at once.")
        #expect(Self.dialog().signInNote == nil)
        // Other keys do nothing while the question is open.
        store.send(.moveDown)
        store.send(.confirm, effects: [.queueMembership(Self.request)]) {
            $0.modal = .none
            $0.status = StatusMessage(.busy, "Joining…")
        }
        #expect(store.state.focus == .itemList)
    }

    @Test func joinOnAClosedCollectionSaysAFacilitatorApproves() {
        var store = TestStore(Self.loaded(closed: true))
        store.send(.join) { $0.modal = .dialog(Self.dialog(closed: true), over: .none) }
        #expect(store.state.modal.dialog?.question == "Join Test? This collection is closed: a facilitator must approve your request.")
    }

    @Test func cancellingSendsNothing() {
        var store = TestStore(Self.loaded())
        store.send(.join) { $0.modal = .dialog(Self.dialog(), over: .none) }
        store.send(.cancelDialog) {
            $0.modal = .none
            $0.status = StatusMessage(.info, "Cancelled")
        }
    }

    @Test func leaveAsksInJoinupsWords() {
        var store = TestStore(Self.loaded())
        store.send(.leave) { $0.modal = .dialog(Self.dialog(.leave), over: .none) }
        #expect(store.state.modal.dialog?.question == "Are you sure you want to leave the Test collection?")
        store.send(.confirm, effects: [.queueMembership(Self.dialog(.leave).request)]) {
            $0.modal = .none
            $0.status = StatusMessage(.busy, "Leaving…")
        }
    }

    @Test func notSignedInDialogSaysHowToSignInAndStillQueues() {
        var store = TestStore(Self.loaded(signedIn: false))
        store.send(.join) { $0.modal = .dialog(Self.dialog(signedIn: false), over: .none) }
        #expect(store.state.modal.dialog?.signInNote?.contains("joinup login") == true)
        store.send(.confirm, effects: [.queueMembership(Self.request)]) {
            $0.modal = .none
            $0.status = StatusMessage(.busy, "Joining…")
        }
    }

    @Test func queuedRequestIsDeliveredAndTheOutcomeShown() {
        var store = TestStore(Self.loaded())
        let remote = "http://127.0.0.1:9"
        store.assume { $0.remote = remote }
        store.send(.join) { $0.modal = .dialog(Self.dialog(), over: .none) }
        store.send(.confirm, effects: [.queueMembership(Self.request)]) {
            $0.modal = .none
            $0.status = StatusMessage(.busy, "Joining…")
        }
        store.receive(.membershipQueued(waiting: 1), from: .queueMembership(Self.request), effects: [.deliverOutbox(remote: remote)]) {
            $0.account.waitingActions = 1
            $0.account.isDelivering = true
        }
        store.receive(.outboxDelivered([Self.result(.joined, membership: .active)], waiting: 0), from: .deliverOutbox(remote: remote),
                      effects: [.loadCollection(uri: Self.uri), .loadMembers(uri: Self.uri, role: nil, nameQuery: "")]) {
            $0.account.waitingActions = 0
            $0.account.isDelivering = false
            $0.status = StatusMessage(.success, "You are now a member of Test.", subject: "Test")
        }
    }

    @Test func closedCollectionOutcomeIsPending() {
        var store = TestStore(Self.loaded())
        store.send(.outboxDelivered([Self.result(.joinPending, membership: .pending)], waiting: 0),
                   effects: [.loadCollection(uri: Self.uri), .loadMembers(uri: Self.uri, role: nil, nameQuery: "")]) {
            $0.status = StatusMessage(.success, "Your membership to the Test collection is under approval.", subject: "Test")
        }
    }

    @Test func blockedAndOwnerOutcomesAreErrorsInJoinupsWords() {
        var store = TestStore(Self.loaded())
        let reload: [Effect] = [.loadCollection(uri: Self.uri), .loadMembers(uri: Self.uri, role: nil, nameQuery: "")]
        store.send(.outboxDelivered([Self.result(.blocked, membership: .blocked)], waiting: 0), effects: reload) {
            $0.status = StatusMessage(.error, "You cannot join Test because your account has been blocked.", subject: "Test")
        }
        let owner = Self.result(.ownerCannotLeave, kind: .leave, membership: .owner)
        store.send(.outboxDelivered([owner], waiting: 0), effects: reload) {
            $0.status = StatusMessage(.error, TerminalText.line(owner.message), subject: "Test")
        }
        #expect(owner.message.contains("transfer the ownership"))
    }

    @Test func unreachableRemoteKeepsTheRequestAndCountsIt() {
        var store = TestStore(Self.loaded())
        let queued = Self.result(.queued(kind: .join, reason: "connection refused"))
        // Nothing was stored: no reload.
        store.send(.outboxDelivered([queued], waiting: 1)) {
            $0.account.waitingActions = 1
            $0.status = StatusMessage(.warning, TerminalText.line(queued.message), subject: "Test")
        }
        #expect(queued.message.hasPrefix("Join queued — will be sent when the remote is reachable"))
        // The retry timer tries again, one delivery at a time.
        store.send(.outboxTick, effects: [.deliverOutbox(remote: nil)]) { $0.account.isDelivering = true }
        store.send(.outboxTick)
    }

    @Test func rejectedTokenShowsSignedOut() {
        var store = TestStore(Self.loaded())
        let rejected = Self.result(.notSignedIn)
        store.send(.outboxDelivered([rejected], waiting: 1)) {
            $0.account.isSignedIn = false
            $0.account.waitingActions = 1
            $0.status = StatusMessage(.warning, TerminalText.line(rejected.message), subject: "Test")
        }
        #expect(rejected.message.contains("joinup login"))
    }

    @Test func readonlyRefusesJoinAndLeaveAndNeverDelivers() {
        var store = TestStore(Self.loaded())
        store.assume { $0.account.isReadonly = true }
        store.send(.join) { $0.status = StatusMessage(.error, readonlyMessage) }
        store.send(.leave)
        store.send(.membershipQueued(waiting: 1)) { $0.account.waitingActions = 1 }
        store.send(.outboxTick)
    }

    @Test func joinFromThePickerReadsThatCollectionFirst() {
        var store = TestStore(Self.loaded())
        store.send(.toggleCollectionPicker, effects: [.listCollections]) { $0.modal = .picker(CollectionsBrowser()) }
        let other = CachedCollection(uri: "http://data.europa.eu/w21/other", alias: "other", title: "Other")
        let listed = [CachedCollection(uri: Self.uri, alias: "test", title: "Test"), other]
        var picker = CollectionsBrowser(catalog: .cached(listed))
        store.receive(.collectionsListed(.cached(listed)), from: .listCollections) { $0.modal = .picker(picker) }
        picker.cursor.selection = 1
        store.send(.moveDown) { $0.modal = .picker(picker) }
        store.send(.join, effects: [.prepareMembershipDialog(uri: other.uri, kind: .join)]) { $0.modal = .none }
        let request = MembershipRequest(collectionAlias: "other", collectionURI: other.uri, collectionTitle: "Other", kind: .join)
        // The state's sign-in wins over the runtime's.
        store.receive(.membershipDialogReady(MembershipDialog(request: request, isClosed: true, isSignedIn: false)),
                      from: .prepareMembershipDialog(uri: other.uri, kind: .join)) {
            $0.modal = .dialog(MembershipDialog(request: request, isClosed: true, isSignedIn: true), over: .none)
        }
        store.send(.confirm, effects: [.queueMembership(request)]) {
            $0.modal = .none
            $0.status = StatusMessage(.busy, "Joining…")
        }
    }

    @Test func aConfirmationArrivingOverHelpGivesHelpBack() {
        var store = TestStore(Self.loaded())
        store.send(.toggleHelp) { $0.modal = .help(HelpState(), over: .none) }
        store.send(.membershipDialogReady(Self.dialog())) { $0.modal = .dialog(Self.dialog(), over: .help(HelpState(), over: .none)) }
        #expect(store.state.focus == .dialog)
        store.send(.cancelDialog) {
            $0.modal = .help(HelpState(), over: .none)
            $0.status = StatusMessage(.info, "Cancelled")
        }
    }

    @Test func quitWorksFromTheDialog() {
        var store = TestStore(Self.loaded())
        store.send(.join) { $0.modal = .dialog(Self.dialog(), over: .none) }
        store.send(.quit) { $0.isQuitting = true }
    }

    @Test func syncDeliversWaitingRequestsFirst() {
        var store = TestStore(Self.loaded(waiting: 0))
        let remote = "http://127.0.0.1:9"
        store.assume {
            $0.remote = remote
            $0.account.waitingActions = 1
        }
        store.send(.sync, effects: [.deliverOutbox(remote: remote), .sync(remote: remote)]) {
            $0.account.isDelivering = true
            $0.isSyncing = true
            $0.status = StatusMessage(.busy, "Syncing from \(remote)…")
        }
    }
}
