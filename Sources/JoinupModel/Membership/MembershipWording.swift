/// What came of a join or leave request, in the terms the user is told about.
public enum MembershipOutcome: Hashable, Sendable {
    /// Joined an open collection: an active member at once.
    case joined
    /// Asked to join a closed collection: a facilitator must approve.
    case joinPending
    /// The account is blocked (403).
    case blocked
    case left
    /// Left a collection whose join was still pending: the request is withdrawn, never a membership.
    case withdrawn
    /// The owner tried to leave (409); still a member.
    case ownerCannotLeave
    /// No token, or the remote did not accept it (401); the request stays queued.
    case notSignedIn
    /// The remote could not be reached or failed (network, 5xx); the request stays queued.
    case queued(kind: MembershipActionKind, reason: String)
    /// The remote refused for another reason; the request is dropped.
    case refused(String)
    /// The remote has no join/leave API (Joinup itself: EU Login in a web browser); nothing is
    /// queued, and the collection's page is where to do it.
    case noJoinAPI(pageURL: String)

    /// True when the request left the outbox (delivered or refused for good).
    public var isFinal: Bool {
        switch self {
        case .notSignedIn, .queued: false
        default: true
        }
    }
}

/// Joinup's own wording for membership, in one place: every message and dialog text the user reads.
public enum MembershipWording {
    /// What an outcome tells the user about the collection titled `title`.
    public static func message(for outcome: MembershipOutcome, title: String) -> String {
        switch outcome {
        case .joined: "You are now a member of \(title)."
        case .joinPending: "Your membership to the \(title) collection is under approval."
        case .blocked: "You cannot join \(title) because your account has been blocked."
        case .left: "You are no longer a member of \(title)."
        case .withdrawn: "Your request to join \(title) was withdrawn."
        case .ownerCannotLeave:
            "You are owner of this collection. Before you leave this collection, you should transfer the ownership to another member."
        case .notSignedIn: notSignedIn
        case .queued(let kind, let reason):
            "\(kind == .join ? "Join" : "Leave") queued — will be sent when the remote is reachable (\(reason))"
        case .refused(let reason): "The remote refused: \(reason)"
        case .noJoinAPI(let page):
            "This remote has no join or leave for terminals: on Joinup you join on the collection's page, signed in with EU Login (\(page))."
        }
    }

    /// How to sign in; the request is kept meanwhile.
    public static let notSignedIn = "Not signed in: run `joinup login`; the request stays queued and is sent once you are signed in."

    /// The header's membership text ("Join this collection" when not a member).
    public static func header(_ membership: MembershipState?) -> String {
        switch membership {
        case nil: "Join this collection"
        case .active: "You're a member"
        case .pending: "Membership is pending"
        case .blocked: "Membership is blocked"
        }
    }

    /// The header's text for a request waiting in the outbox ("Join queued — will be sent when online").
    public static func queued(_ kind: MembershipActionKind, short: Bool = false) -> String {
        let what = kind == .join ? "Join queued" : "Leave queued"
        return short ? what : what + " — will be sent when online"
    }

    /// What the header shows in place of the join hint when nothing may be sent (`--readonly`).
    public static let readonly = "read-only"

    /// The join confirmation: says what will happen for an open or a closed collection.
    public static func joinQuestion(title: String, isClosed: Bool) -> String {
        isClosed
            ? "Join \(title)? This collection is closed: a facilitator must approve your request."
            : "Join \(title)? This collection is open: you become a member at once."
    }

    /// Joinup's leave confirmation.
    public static func leaveQuestion(title: String) -> String {
        "Are you sure you want to leave the \(title) collection?"
    }

    /// "1 action waiting", "3 actions waiting".
    public static func waiting(_ count: Int) -> String {
        "\(count) \(count == 1 ? "action" : "actions") waiting"
    }
}
