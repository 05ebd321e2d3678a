import Foundation
@testable import JoinupSync
import JoinupTestSupport
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

    /// The byte reader (ASCII text, nearly every feed date) and the Character reader must agree on
    /// every ASCII text: dates, near-dates and junk built from date-like pieces.
    @Test func theByteReaderAgreesWithTheGeneralOneOnAnyASCIIText() {
        var random = SplitMix64.forTest()
        let pieces = ["Mon,", "mon", "Thu", "26", "1", "07", "+5", "-3", "00", "2023", "23", "99", "0",
                      "9223372036854775807", "92233720368547758070", "-9223372036854775808", "Jun", "JUN",
                      "ju", "June", "Feb", "13:43:00", "13:43", "1:2:3", "+1:05", "13:43:00:00", "13::00",
                      "24:00", "23:59:60", "+0200", "-0530", "+02:00", "+01", "+1", "-2400", "+0060",
                      "GMT", "gmt", "UT", "Z", "EST", "pdt", "CET", "X", "", " ", ",", "\t", "\n", "a", "+", "-"]
        var checked = 0
        // Half the texts follow the date's shape (weekday, day, month, year, time, zone: each slot
        // from its own list, sometimes left out or swapped for any piece); half are pieces at random.
        let slots = [["Mon,", "Thu", "", "mon,", "26"], ["26", "1", "07", "+5", "31", "30"], ["Jun", "JUN", "feb", "Febr", "ju"],
                     ["2023", "23", "99", "1999", "9223372036854775807", "-1"], ["13:43:00", "13:43", "1:2:3", "+1:05", "24:00", "23:59:60"],
                     ["+0200", "-0530", "+02:00", "GMT", "ut", "EST", "CET", "", "+0060", "+1"]]
        func pick(_ list: [String]) -> String { list[Int(random.next() % UInt64(list.count))] }
        for _ in 0..<20_000 {
            let separators = [" ", " ", ", ", "  ", "\t", ""]
            let words: [String]
            if random.next() % 2 == 0 {
                words = slots.map { random.next() % 10 == 0 ? pick(pieces) : pick($0) }
            } else {
                words = (0..<Int(random.next() % 8)).map { _ in pick(pieces) }
            }
            let text = words.map { $0 + (random.next() % 4 == 0 ? pick(separators) : " ") }.joined()
            var bytes = text
            let fast = bytes.withUTF8 { FeedDate.rfc822ASCII($0) }
            let general = FeedDate.rfc822General(text)
            #expect(fast == general, "\(String(reflecting: text)): bytes \(String(describing: fast)), general \(String(describing: general)); \(random.replay)")
            if fast != nil { checked += 1 }
        }
        // The pieces make real dates often enough that both readers' accepting paths were compared.
        #expect(checked > 100, "only \(checked) texts were dates; \(random.replay)")
    }

    /// A year no calendar reaches is refused, not computed (it overflowed the day count and
    /// stopped the process).
    @Test(arguments: ["Mon, 26 Jun 9223372036854775807 13:43:00 +0200", "26 Jun -9223372036854775807 13:43:00 GMT",
                      "26 Jun 99999999999999 13:43:00 GMT"])
    func aYearBeyondAnyCalendarIsRefused(text: String) {
        #expect(FeedDate.rfc822(text) == nil)
        #expect(FeedDate.rfc822General(text) == nil)
    }
}
