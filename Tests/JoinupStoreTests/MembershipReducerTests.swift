import Foundation
import JoinupCache
import JoinupModel
import JoinupSync
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

    @Test func startingReadsTheAccountAndStartsTheRetryTimer() {
        var state = AppState()
        let effects = reduce(&state, .started(collectionURI: Self.uri))
        #expect(effects.contains(.loadAccount) && effects.contains(.outboxTimer))
        #expect(!state.account.isLoaded)
    }

    @Test func accountWithWaitingRequestsDeliversThem() {
        var state = ReducerTests.loaded()
        state.remote = "http://127.0.0.1:9"
        let effects = reduce(&state, .accountLoaded(signedIn: true, user: "Ana", waiting: 2))
        #expect(effects == [.deliverOutbox(remote: "http://127.0.0.1:9")])
        #expect(state.account.isDelivering && state.account.waitingActions == 2)
        #expect(state.account.signInLabel == "Signed in as Ana")
    }

    @Test func joinOnAnOpenCollectionAsksThenQueues() throws {
        var state = Self.loaded()
        #expect(reduce(&state, .commandIssued(.join)).isEmpty)
        #expect(state.focus == .dialog)
        let dialog = try #require(state.account.dialog)
        #expect(dialog.question == "Join Test? This collection is open: you become a member at once.")
        #expect(dialog.signInNote == nil)
        // Other keys do nothing while the question is open.
        #expect(reduce(&state, .commandIssued(.moveDown)).isEmpty)
        #expect(state.overview.cursor.selection == 0)
        let effects = reduce(&state, .commandIssued(.confirm))
        #expect(effects == [.queueMembership(Self.request)])
        #expect(state.account.dialog == nil && state.focus == .itemList)
        #expect(state.status == StatusMessage(.busy, "Joining…"))
    }

    @Test func joinOnAClosedCollectionSaysAFacilitatorApproves() {
        var state = Self.loaded(closed: true)
        _ = reduce(&state, .commandIssued(.join))
        #expect(state.account.dialog?.question == "Join Test? This collection is closed: a facilitator must approve your request.")
    }

    @Test func cancellingSendsNothing() {
        var state = Self.loaded()
        _ = reduce(&state, .commandIssued(.join))
        #expect(reduce(&state, .commandIssued(.cancelDialog)).isEmpty)
        #expect(state.account.dialog == nil)
        #expect(state.status == StatusMessage(.info, "Cancelled"))
    }

    @Test func leaveAsksInJoinupsWords() {
        var state = Self.loaded()
        _ = reduce(&state, .commandIssued(.leave))
        #expect(state.account.dialog?.question == "Are you sure you want to leave the Test collection?")
        var leave = Self.request
        leave.kind = .leave
        #expect(reduce(&state, .commandIssued(.confirm)) == [.queueMembership(leave)])
        #expect(state.status == StatusMessage(.busy, "Leaving…"))
    }

    @Test func notSignedInDialogSaysHowToSignInAndStillQueues() {
        var state = Self.loaded(signedIn: false)
        _ = reduce(&state, .commandIssued(.join))
        #expect(state.account.dialog?.signInNote?.contains("joinup login") == true)
        #expect(reduce(&state, .commandIssued(.confirm)) == [.queueMembership(Self.request)])
        #expect(state.header?.membership == nil)
    }

    @Test func queuedRequestIsDeliveredAndTheOutcomeShown() {
        var state = Self.loaded()
        state.remote = "http://127.0.0.1:9"
        _ = reduce(&state, .commandIssued(.join))
        _ = reduce(&state, .commandIssued(.confirm))
        #expect(reduce(&state, .membershipQueued(waiting: 1)) == [.deliverOutbox(remote: "http://127.0.0.1:9")])
        #expect(state.account.waitingActions == 1)
        let effects = reduce(&state, .outboxDelivered([Self.result(.joined, membership: .active)], waiting: 0))
        #expect(state.status == StatusMessage(.info, "You are now a member of Test."))
        #expect(state.account.waitingActions == 0 && !state.account.isDelivering)
        #expect(effects == [.loadCollection(uri: Self.uri), .loadMembers(uri: Self.uri, role: nil, nameQuery: "")])
    }

    @Test func closedCollectionOutcomeIsPending() {
        var state = Self.loaded()
        _ = reduce(&state, .outboxDelivered([Self.result(.joinPending, membership: .pending)], waiting: 0))
        #expect(state.status == StatusMessage(.info, "Your membership to the Test collection is under approval."))
    }

    @Test func blockedAndOwnerOutcomesAreErrorsInJoinupsWords() {
        var state = Self.loaded()
        _ = reduce(&state, .outboxDelivered([Self.result(.blocked, membership: .blocked)], waiting: 0))
        #expect(state.status == StatusMessage(.error, "You cannot join Test because your account has been blocked."))
        _ = reduce(&state, .outboxDelivered([Self.result(.ownerCannotLeave, kind: .leave, membership: .owner)], waiting: 0))
        #expect(state.status?.kind == .error)
        #expect(state.status?.text.contains("transfer the ownership") == true)
    }

    @Test func unreachableRemoteKeepsTheRequestAndCountsIt() {
        var state = Self.loaded()
        let effects = reduce(&state, .outboxDelivered([Self.result(.queued(kind: .join, reason: "connection refused"))], waiting: 1))
        #expect(effects.isEmpty, "nothing was stored: no reload")
        #expect(state.status?.text.hasPrefix("Join queued — will be sent when the remote is reachable") == true)
        #expect(state.account.waitingActions == 1)
        // The retry timer tries again.
        #expect(reduce(&state, .outboxTick) == [.deliverOutbox(remote: nil)])
        #expect(reduce(&state, .outboxTick).isEmpty, "one delivery at a time")
    }

    @Test func rejectedTokenShowsSignedOut() {
        var state = Self.loaded()
        _ = reduce(&state, .outboxDelivered([Self.result(.notSignedIn)], waiting: 1))
        #expect(!state.account.isSignedIn)
        #expect(state.status?.text.contains("joinup login") == true)
    }

    @Test func readonlyRefusesJoinAndLeaveAndNeverDelivers() {
        var state = Self.loaded()
        state.account.isReadonly = true
        #expect(reduce(&state, .commandIssued(.join)).isEmpty)
        #expect(state.account.dialog == nil)
        #expect(state.status == StatusMessage(.error, readonlyMessage))
        _ = reduce(&state, .commandIssued(.leave))
        #expect(state.account.dialog == nil)
        _ = reduce(&state, .membershipQueued(waiting: 1))
        #expect(reduce(&state, .outboxTick).isEmpty)
    }

    @Test func joinFromThePickerReadsThatCollectionFirst() {
        var state = Self.loaded()
        _ = reduce(&state, .commandIssued(.toggleCollectionPicker))
        let other = CachedCollection(uri: "http://data.europa.eu/w21/other", alias: "other", title: "Other")
        _ = reduce(&state, .collectionsListed(.cached([CachedCollection(uri: Self.uri, alias: "test", title: "Test"), other])))
        _ = reduce(&state, .commandIssued(.moveDown))
        let effects = reduce(&state, .commandIssued(.join))
        #expect(effects == [.prepareMembershipDialog(uri: other.uri, kind: .join)])
        #expect(state.picker == nil)
        let request = MembershipRequest(collectionAlias: "other", collectionURI: other.uri, collectionTitle: "Other", kind: .join)
        _ = reduce(&state, .membershipDialogReady(MembershipDialog(request: request, isClosed: true, isSignedIn: false)))
        #expect(state.account.dialog?.question.contains("closed") == true)
        #expect(state.account.dialog?.isSignedIn == true, "the state's sign-in wins")
        #expect(reduce(&state, .commandIssued(.confirm)) == [.queueMembership(request)])
    }

    @Test func quitWorksFromTheDialog() {
        var state = Self.loaded()
        _ = reduce(&state, .commandIssued(.join))
        _ = reduce(&state, .commandIssued(.quit))
        #expect(state.isQuitting)
    }

    @Test func syncDeliversWaitingRequestsFirst() {
        var state = Self.loaded(waiting: 0)
        state.remote = "http://127.0.0.1:9"
        state.account.waitingActions = 1
        #expect(reduce(&state, .commandIssued(.sync)) == [.deliverOutbox(remote: "http://127.0.0.1:9"), .sync(remote: "http://127.0.0.1:9")])
    }
}
