import Foundation
import JoinupModel

/// Writes a members list in the JSON `MembersJSONParser` reads.
public enum MembersJSONWriter {
    private struct Document: Encodable {
        var collection: String
        var members: [Entry]
    }

    private struct Entry: Encodable {
        var id: String
        var name: String
        var businessTitle: String
        var organisation: String
        var roles: [String]
        var state: String
        var memberSince: String
    }

    public static func write(_ members: [Member], collectionURI: String) -> Data {
        let document = Document(collection: collectionURI, members: members.map { member in
            Entry(id: member.id, name: member.name, businessTitle: member.businessTitle,
                  organisation: member.organisation, roles: member.roles.map(\.rawValue),
                  state: member.state.rawValue, memberSince: WireFormat.iso8601(member.memberSince))
        })
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(document)) ?? Data()
    }
}
