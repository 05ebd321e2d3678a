import Foundation
import JoinupModel

/// The signed-in account and the outbox, as the browser shows them.
public struct AccountState: Hashable, Sendable {
    /// False until the runtime has read the credentials and the outbox (nothing is shown before).
    public var isLoaded = false
    public var isSignedIn = false
    /// The name the remote gave for the token, when known.
    public var userName: String?
    /// Requests in the outbox.
    public var waitingActions = 0
    /// A delivery is running (the retry timer does not start another).
    public var isDelivering = false
    /// `--readonly` or `readonly = true`: nothing that changes the remote may be sent.
    public var isReadonly = false
    /// The requests in the outbox as last read, oldest first (the header, the picker and `O` show them).
    public var outbox: [PendingAction] = []
    /// When `outbox` was read: the overlay's ages count to this moment (the reducer has no clock).
    public var outboxReadAt: Date?

    public init() {}

    /// The newest request waiting for a collection, if any (what its header and picker row say).
    public func queued(for collectionURI: String) -> MembershipActionKind? {
        outbox.last { $0.collectionURI == collectionURI }?.kind
    }

    /// "Signed in as Ana Novak", "Signed in", "Not signed in".
    public var signInLabel: String {
        guard isSignedIn else { return "Not signed in" }
        return userName.map { "Signed in as \($0)" } ?? "Signed in"
    }
}

/// The confirmation shown before a join or leave is queued.
public struct MembershipDialog: Hashable, Sendable {
    public var request: MembershipRequest
    /// Whether the collection is closed (a join then waits for a facilitator).
    public var isClosed: Bool
    public var isSignedIn: Bool

    public init(request: MembershipRequest, isClosed: Bool, isSignedIn: Bool) {
        self.request = request
        self.isClosed = isClosed
        self.isSignedIn = isSignedIn
    }

    /// The question, in Joinup's words.
    public var question: String {
        switch request.kind {
        case .join: MembershipWording.joinQuestion(title: request.collectionTitle, isClosed: isClosed)
        case .leave: MembershipWording.leaveQuestion(title: request.collectionTitle)
        }
    }

    /// How to sign in, when not signed in (the request is kept queued meanwhile).
    public var signInNote: String? {
        isSignedIn ? nil : "Not signed in: run `joinup login` in a shell. Confirming keeps the request queued; it is sent once you are signed in."
    }
}

/// The message shown when a remote-changing action is tried in read-only mode.
public let readonlyMessage = "Read-only mode (--readonly or readonly = true in config.toml): joining and leaving are off"
