import Foundation
import JoinupModel

/// Reads a collection's members list (`/collection/<alias>/members?_format=json`).
public enum MembersJSONParser {
    /// Parses `{"collection": uri, "members": [...]}` into members, in file order.
    ///
    /// Keys are snake_case; `member_since` is ISO 8601. An unknown role or state throws
    /// `.invalidMember` naming the 0-based index, rather than guessing (a wrong state would change the
    /// member count). When `collectionURI` is given, a file for another collection is refused. A
    /// member listed twice (same id) counts once, as first listed — as feed items do.
    public static func parse(_ data: Data, collectionURI: String? = nil, resource: String = "members.json") throws(FeedParseError) -> [Member] {
        let document: Document
        do {
            let decoder = JSONDecoder()
            decoder.keyDecodingStrategy = .convertFromSnakeCase
            document = try decoder.decode(Document.self, from: data)
        } catch let error as DecodingError {
            throw FeedParseError(resource: resource, reason: .malformedJSON(detail: describe(error)))
        } catch {
            throw FeedParseError(resource: resource, reason: .malformedJSON(detail: "\(error)"))
        }
        if let collectionURI, let declared = document.collection, declared != collectionURI {
            throw FeedParseError(resource: resource, reason: .invalidValue(
                field: "collection", value: declared, context: "the members list for <\(collectionURI)>"))
        }
        var members: [Member] = []
        members.reserveCapacity(document.members.count)
        var seen: Set<String> = []
        for (index, raw) in document.members.enumerated() {
            var roles: [Role] = []
            for text in raw.roles {
                guard let role = Role(rawValue: text.lowercased()) else {
                    throw FeedParseError(resource: resource, reason: .invalidMember(index: index, field: "role", value: text))
                }
                if !roles.contains(role) { roles.append(role) }
            }
            guard let state = MembershipState(rawValue: raw.state.lowercased()) else {
                throw FeedParseError(resource: resource, reason: .invalidMember(index: index, field: "state", value: raw.state))
            }
            guard let since = FeedDate.iso8601(raw.memberSince) else {
                throw FeedParseError(resource: resource, reason: .invalidMember(index: index, field: "member_since", value: raw.memberSince))
            }
            let id = TerminalText.line(raw.id)
            guard seen.insert(id).inserted else { continue }
            members.append(Member(
                id: id, name: TerminalText.line(raw.name),
                businessTitle: TerminalText.line(raw.businessTitle ?? ""),
                organisation: TerminalText.line(raw.organisation ?? ""),
                roles: roles.isEmpty ? [.member] : roles, state: state, memberSince: since))
        }
        return members
    }

    private struct Document: Decodable {
        var collection: String?
        var members: [RawMember]
    }

    /// Enumerations and dates are read as strings so a bad value gets a precise error, not a decode failure.
    private struct RawMember: Decodable {
        var id: String
        var name: String
        var businessTitle: String?
        var organisation: String?
        var roles: [String]
        var state: String
        var memberSince: String
    }

    /// A decoding error as "members[3].roles: expected an array".
    private static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            var result = ""
            for key in keys {
                if let index = key.intValue { result += "[\(index)]" } else { result += (result.isEmpty ? "" : ".") + key.stringValue }
            }
            return result.isEmpty ? "the document" : result
        }
        switch error {
        case let .typeMismatch(type, context):
            return "\(path(context.codingPath)): expected \(type)"
        case let .valueNotFound(type, context):
            return "\(path(context.codingPath)): missing \(type) value"
        case let .keyNotFound(key, context):
            return "\(path(context.codingPath + [key])): missing"
        case let .dataCorrupted(context):
            return "\(path(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}
