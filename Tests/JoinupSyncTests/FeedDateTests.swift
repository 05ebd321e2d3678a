import Foundation
@testable import JoinupSync
import Testing

@Suite struct FeedDateTests {
    @Test(arguments: [
        ("Mon, 26 Jun 2023 13:43:00 +0200", "2023-06-26T11:43:00Z"),
        ("Thu, 20 Jan 2022 14:30:00 +0100", "2022-01-20T13:30:00Z"),
        ("26 Jun 2023 13:43:00 +0200", "2023-06-26T11:43:00Z"),
        ("Mon, 26 Jun 2023 11:43:00 GMT", "2023-06-26T11:43:00Z"),
        ("Mon, 26 Jun 2023 11:43:00 UTC", "2023-06-26T11:43:00Z"),
        ("Mon, 26 Jun 2023 11:43:00 Z", "2023-06-26T11:43:00Z"),
        ("Mon, 26 Jun 2023 06:43:00 -0500", "2023-06-26T11:43:00Z"),
        ("Mon, 26 Jun 2023 07:43:00 EDT", "2023-06-26T11:43:00Z"),
        ("Mon, 26 Jun 2023 13:43 +0200", "2023-06-26T11:43:00Z"),
        ("Mon,26 Jun 2023 13:43:00 +02:00", "2023-06-26T11:43:00Z"),
        ("26 jun 23 13:43:00 +0200", "2023-06-26T11:43:00Z"),
        ("Tue, 29 Feb 2000 00:00:00 +0000", "2000-02-29T00:00:00Z"),
        ("Sat, 01 Jan 2000 00:30:00 +0100", "1999-12-31T23:30:00Z"),
    ])
    func rfc822DatesParse(text: String, expected: String) {
        #expect(FeedDate.rfc822(text) == Fixture.iso(expected))
    }

    @Test(arguments: [
        "", "yesterday", "Mon, 26 Foo 2023 13:43:00 +0200", "Mon, 31 Jun 2023 13:43:00 +0200",
        "Mon, 29 Feb 2023 13:43:00 +0200", "Mon, 26 Jun 2023 24:00:00 +0200", "Mon, 26 Jun 2023 13:43:00 +2500",
        "Mon, 26 Jun 2023 13:43:00 CEST-ish", "Mon, 26 Jun 2023", "Mon, 26 Jun 2023 1343 +0200",
    ])
    func invalidRFC822DatesAreRejected(text: String) {
        #expect(FeedDate.rfc822(text) == nil)
    }

    @Test(arguments: [
        ("2023-11-21T09:00:00+01:00", "2023-11-21T08:00:00Z"),
        ("2023-11-21T09:00:00+0100", "2023-11-21T08:00:00Z"),
        ("2023-11-21T08:00:00Z", "2023-11-21T08:00:00Z"),
        ("2023-11-21T08:00:00", "2023-11-21T08:00:00Z"),
        ("2023-11-21 08:00", "2023-11-21T08:00:00Z"),
        ("2023-11-21", "2023-11-21T00:00:00Z"),
        ("2020-10-21T10:00:00+02:00", "2020-10-21T08:00:00Z"),
        ("1969-12-31T23:00:00-01:00", "1970-01-01T00:00:00Z"),
    ])
    func iso8601DatesParse(text: String, expected: String) {
        #expect(FeedDate.iso8601(text) == Fixture.iso(expected))
    }

    @Test func iso8601KeepsFractionalSeconds() throws {
        let date = try #require(FeedDate.iso8601("2023-11-21T08:00:00.250Z"))
        #expect(abs(date.timeIntervalSince(Fixture.iso("2023-11-21T08:00:00Z")) - 0.25) < 0.000_001)
    }

    @Test(arguments: ["", "2023-13-01", "2023-02-30T10:00:00Z", "2023-11-21T10", "21/11/2023", "2023-11-21T10:00:00+1", "2023-11-21T10:00:00 junk"])
    func invalidISO8601DatesAreRejected(text: String) {
        #expect(FeedDate.iso8601(text) == nil)
    }
}
