import Foundation

/// A role a member holds in a collection, in Joinup's order of authority.
public enum Role: String, CaseIterable, Hashable, Sendable, Codable, Comparable {
    case owner
    case facilitator
    case author
    case member

    public var label: String {
        switch self {
        case .owner: "Owner"
        case .facilitator: "Facilitator"
        case .author: "Author"
        case .member: "Member"
        }
    }

    public static func < (lhs: Role, rhs: Role) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// Where a membership stands; only active members count in "N members".
public enum MembershipState: String, CaseIterable, Hashable, Sendable, Codable {
    case active
    case pending
    case blocked
}

/// A person's membership of a collection.
public struct Member: Hashable, Sendable, Codable {
    public var id: String
    public var name: String
    public var businessTitle: String
    public var organisation: String
    public var roles: [Role]
    public var state: MembershipState
    public var memberSince: Date

    public init(id: String, name: String, businessTitle: String, organisation: String,
                roles: [Role], state: MembershipState, memberSince: Date) {
        self.id = id
        self.name = name
        self.businessTitle = businessTitle
        self.organisation = organisation
        self.roles = roles
        self.state = state
        self.memberSince = memberSince
    }

    /// The highest role held, used for ordering the members list.
    public var leadingRole: Role { roles.min() ?? .member }
}
