import Testing
@testable import JoinupModel

/// Joinup's wording for membership outcomes and the outbox backoff.
@Suite struct MembershipWordingTests {
    @Test func outcomesUseJoinupsWords() {
        let title = "EC OSPO"
        #expect(MembershipWording.message(for: .joined, title: title) == "You are now a member of EC OSPO.")
        #expect(MembershipWording.message(for: .joinPending, title: title)
                == "Your membership to the EC OSPO collection is under approval.")
        #expect(MembershipWording.message(for: .blocked, title: title)
                == "You cannot join EC OSPO because your account has been blocked.")
        #expect(MembershipWording.message(for: .left, title: title) == "You are no longer a member of EC OSPO.")
        #expect(MembershipWording.message(for: .ownerCannotLeave, title: title).contains("transfer the ownership"))
        #expect(MembershipWording.message(for: .queued(kind: .join, reason: "connection refused"), title: title)
            .hasPrefix("Join queued — will be sent when the remote is reachable"))
        #expect(MembershipWording.message(for: .notSignedIn, title: title).contains("joinup login"))
    }

    @Test func questionsSayWhatWillHappen() {
        #expect(MembershipWording.joinQuestion(title: "X", isClosed: false)
                == "Join X? This collection is open: you become a member at once.")
        #expect(MembershipWording.joinQuestion(title: "X", isClosed: true)
                == "Join X? This collection is closed: a facilitator must approve your request.")
        #expect(MembershipWording.leaveQuestion(title: "X") == "Are you sure you want to leave the X collection?")
    }

    @Test func headerAndWaitingTexts() {
        #expect(MembershipWording.header(nil) == "Join this collection")
        #expect(MembershipWording.header(.active) == "You're a member")
        #expect(MembershipWording.header(.pending) == "Membership is pending")
        #expect(MembershipWording.waiting(1) == "1 action waiting")
        #expect(MembershipWording.waiting(3) == "3 actions waiting")
    }

    @Test func onlyAnsweredOutcomesAreFinal() {
        #expect(MembershipOutcome.joined.isFinal && MembershipOutcome.blocked.isFinal && MembershipOutcome.ownerCannotLeave.isFinal)
        #expect(!MembershipOutcome.notSignedIn.isFinal)
        #expect(!MembershipOutcome.queued(kind: .leave, reason: "x").isFinal)
    }

    @Test func backoffGrowsThenStaysAtItsCap() {
        let delays = (1...8).map(OutboxBackoff.delay(afterAttempts:))
        #expect(Array(delays.prefix(5)) == [5, 30, 120, 600, 1800])
        #expect(delays.dropFirst(4).allSatisfy { $0 == 1800 })
        #expect(OutboxBackoff.delay(afterAttempts: 0) == 5)
    }

    @Test func ownerIsAnActiveMembership() {
        #expect(MyMembership.owner.state == .active)
        #expect(MyMembership.none.state == nil)
        #expect(MyMembership.pending.state == .pending)
    }
}
