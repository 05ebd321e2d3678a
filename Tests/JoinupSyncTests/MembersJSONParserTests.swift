import Foundation
import JoinupModel
@testable import JoinupSync
import Testing

@Suite struct MembersJSONParserTests {
    static func json(_ members: String, collection: String = "http://data.europa.eu/w21/abc") -> Data {
        Data(#"{"collection": "\#(collection)", "members": [\#(members)]}"#.utf8)
    }

    static let good = #"{"id": "u1", "name": "Zoë Ñúñez", "business_title": "Engineer", "organisation": "Org", "roles": ["owner", "facilitator"], "state": "active", "member_since": "2021-03-04T10:00:00+01:00"}"#

    @Test func snakeCaseFieldsAndDatesAreRead() throws {
        let members = try MembersJSONParser.parse(Self.json(Self.good), collectionURI: "http://data.europa.eu/w21/abc")
        #expect(members == [Member(id: "u1", name: "Zoë Ñúñez", businessTitle: "Engineer", organisation: "Org",
                                   roles: [.owner, .facilitator], state: .active,
                                   memberSince: Fixture.iso("2021-03-04T09:00:00Z"))])
    }

    @Test func wrongTypeIsAnErrorNamingThePath() {
        let wrong = #"{"id": "u2", "name": "B", "roles": "member", "state": "active", "member_since": "2021-03-04T10:00:00Z"}"#
        #expect {
            _ = try MembersJSONParser.parse(Self.json(Self.good + "," + wrong))
        } throws: { error in
            guard let error = error as? FeedParseError, case let .malformedJSON(detail) = error.reason else { return false }
            return detail.hasPrefix("members[1]") && detail.contains("roles")
        }
    }

    @Test func unknownRoleNamesTheMemberIndex() {
        let admin = Self.good.replacingOccurrences(of: #"["owner", "facilitator"]"#, with: #"["admin"]"#)
        #expect(throws: FeedParseError(resource: "members.json", reason: .invalidMember(index: 1, field: "role", value: "admin"))) {
            _ = try MembersJSONParser.parse(Self.json(Self.good + "," + admin))
        }
    }

    @Test func unknownStateNamesTheMemberIndex() {
        let banned = Self.good.replacingOccurrences(of: #""active""#, with: #""banned""#)
        #expect(throws: FeedParseError(resource: "members.json", reason: .invalidMember(index: 0, field: "state", value: "banned"))) {
            _ = try MembersJSONParser.parse(Self.json(banned))
        }
    }

    @Test func membersOfAnotherCollectionAreRefused() {
        #expect(throws: FeedParseError.self) {
            _ = try MembersJSONParser.parse(Self.json(Self.good, collection: "http://data.europa.eu/w21/other"),
                                            collectionURI: "http://data.europa.eu/w21/abc")
        }
    }

    @Test func terminalEscapesInNamesAreStripped() throws {
        // JSON can carry ESC and BEL legitimately (\u001b, \u0007), unlike XML.
        let evil = Self.good.replacingOccurrences(of: "Zoë Ñúñez", with: #"\u001b[31mMallory\u001b]52;c;ZXZpbA==\u0007 Evil"#)
        let member = try #require(try MembersJSONParser.parse(Self.json(evil)).first)
        #expect(!member.name.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
        #expect(member.name == "[31mMallory]52;c;ZXZpbA== Evil")
    }

    @Test func invalidJSONIsAnError() {
        #expect(throws: FeedParseError.self) { _ = try MembersJSONParser.parse(Data("{\"members\": [".utf8)) }
    }
}
