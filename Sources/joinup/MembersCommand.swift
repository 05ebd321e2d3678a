import ArgumentParser
import Foundation
import JoinupCache
import JoinupModel

/// `joinup members`: the active members, optionally by role and name.
struct Members: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "members",
        abstract: "List a collection's active members (name, title, organisation, roles, state, since, id).",
        discussion: """
            Tab-separated with a header row by default, CSV with --csv, JSON lines with --json: the same \
            fields in all three (\(MemberFields.names.joined(separator: ", "))), dates in ISO 8601. \
            --no-header drops the header row.
            """)

    @OptionGroup var options: PathOptions
    @OptionGroup var selection: CollectionOption

    @Option(name: .customLong("role"), help: ArgumentHelp(
        "Only members with this role: owner, facilitator, author, member (repeatable: any of them).", valueName: "role"))
    var roles: [String] = []

    @Option(name: .customLong("search"), help: ArgumentHelp(
        "Only members whose name contains this (case and accents ignored).", valueName: "name"))
    var search: String?

    @OptionGroup var output: OutputOptions

    func run() throws {
        try reportingFailures {
            var wanted = Set<Role>()
            for text in roles {
                guard let role = Role(rawValue: text.lowercased().trimmingCharacters(in: .whitespaces))
                        ?? Role.allCases.first(where: { $0.label.lowercased() + "s" == text.lowercased() }) else {
                    throw CommandFailure(message: "unknown role \"\(text)\"; use one of \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                wanted.insert(role)
            }
            var listing = try Listing(fields: MemberFields.names, options: output)
            let opened = try OpenedCache.open(options, collection: selection.collection)
            let members = try opened.cache.members(collectionURI: opened.collection.uri, roles: wanted, nameQuery: search ?? "")
            try listing.start()
            for member in members {
                try listing.row(MemberFields.values(member))
            }
            try listing.finish()
        }
    }
}

/// The fields of a member in every output format.
enum MemberFields {
    static let names = ["name", "business_title", "organisation", "roles", "state", "member_since", "id"]

    /// `member`'s values in the order of `names`; roles as their names (owner, facilitator…).
    static func values(_ member: Member) -> [FieldValue] {
        [.text(member.name), .text(member.businessTitle), .text(member.organisation), .list(member.roles.map(\.rawValue)),
         .text(member.state.rawValue), .text(ISODate.string(member.memberSince)), .text(member.id)]
    }
}
