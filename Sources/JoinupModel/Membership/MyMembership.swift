/// The signed-in user's standing in one collection, as the outbox last learnt it.
public enum MyMembership: String, CaseIterable, Hashable, Sendable, Codable {
    case none
    case pending
    case active
    case blocked
    /// An active member who owns the collection (and so cannot leave it).
    case owner

    /// The state the header and the member count know about (owner is an active membership).
    public var state: MembershipState? {
        switch self {
        case .none: nil
        case .pending: .pending
        case .active, .owner: .active
        case .blocked: .blocked
        }
    }
}
