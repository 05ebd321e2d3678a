import ArgumentParser
import Foundation
import JoinupCache
import JoinupModel

/// `joinup members`: the active members, optionally by role and name.
struct Members: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List a collection's active members (name, title, organisation, roles).")

    @OptionGroup var options: PathOptions
    @OptionGroup var selection: CollectionOption

    @Option(name: .customLong("role"), help: ArgumentHelp(
        "Only members with this role: owner, facilitator, author, member (repeatable: any of them).", valueName: "role"))
    var roles: [String] = []

    @Option(name: .customLong("search"), help: ArgumentHelp(
        "Only members whose name contains this (case and accents ignored).", valueName: "name"))
    var search: String?

    @Flag(help: "One JSON object per line.")
    var json = false

    func run() throws {
        try reportingFailures("members") {
            var wanted = Set<Role>()
            for text in roles {
                guard let role = Role(rawValue: text.lowercased().trimmingCharacters(in: .whitespaces))
                        ?? Role.allCases.first(where: { $0.label.lowercased() + "s" == text.lowercased() }) else {
                    throw CommandFailure(message: "unknown role \"\(text)\"; use one of \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                wanted.insert(role)
            }
            let opened = try OpenedCache.open(options, collection: selection.collection)
            let members = try opened.cache.members(collectionURI: opened.collection.uri, roles: wanted, nameQuery: search ?? "")
            var out = OutputBuffer()
            for member in members {
                if json {
                    try out.line(try JSONLines.line(MemberRecord(
                        id: member.id, name: member.name, businessTitle: member.businessTitle,
                        organisation: member.organisation, roles: member.roles.map(\.rawValue),
                        state: member.state.rawValue, memberSince: ISODate.string(member.memberSince))))
                } else {
                    try out.line([cell(member.name), cell(member.businessTitle), cell(member.organisation),
                                  member.roles.map(\.label).joined(separator: ", ")].joined(separator: "\t"))
                }
            }
            try out.flush()
        }
    }
}

struct MemberRecord: Encodable {
    var id: String
    var name: String
    var businessTitle: String
    var organisation: String
    var roles: [String]
    var state: String
    var memberSince: String
}
