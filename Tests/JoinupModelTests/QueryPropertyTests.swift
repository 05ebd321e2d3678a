import Foundation
import JoinupTestSupport
import Testing
@testable import JoinupModel

/// Pieces of words: letters, digits, non-ASCII (precomposed and decomposed accents, CJK, emoji,
/// a flag) and the symbols the grammar cares about — never whitespace or `"`.
private let wordPieces = ["a", "b", "Z", "x", "ICT", "7", "0", ":", "-", "/", "#", "é", "e\u{301}", "ß",
                          "中", "Ω", "😀", "🇧🇪", "'", ".", "topic", "is"]

private func word(_ rng: inout SplitMix64) -> String {
    (0..<Int.random(in: 1...4, using: &rng)).map { _ in wordPieces.randomElement(using: &rng)! }.joined()
}

/// A value with single spaces between words, as the parser leaves it.
private func value(_ rng: inout SplitMix64) -> String {
    (0..<Int.random(in: 1...3, using: &rng)).map { _ in word(&rng) }.joined(separator: " ")
}

private let brusselsCalendar: Calendar = {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "Europe/Brussels")!
    return calendar
}()

private func brusselsMidnight(_ rng: inout SplitMix64) -> Date {
    let components = DateComponents(year: Int.random(in: 1950...2060, using: &rng),
                                    month: Int.random(in: 1...12, using: &rng),
                                    day: Int.random(in: 1...28, using: &rng))
    return brusselsCalendar.date(from: components)!
}

/// A random query of the shape the parser produces.
private func wellFormedQuery(_ rng: inout SplitMix64) -> ParsedQuery {
    var query = ParsedQuery()
    query.text = (0..<Int.random(in: 0...4, using: &rng)).map { _ in word(&rng) }.joined(separator: " ")
    query.topics = (0..<Int.random(in: 0...3, using: &rng)).map { _ in
        TopicTerm(term: value(&rng), negated: Bool.random(using: &rng))
    }
    query.kinds = Set(ItemKind.allCases.filter { _ in Int.random(in: 0..<3, using: &rng) == 0 })
    if Bool.random(using: &rng) { query.after = brusselsMidnight(&rng) }
    if Bool.random(using: &rng) { query.before = brusselsMidnight(&rng) }
    if let after = query.after, let before = query.before {
        if after == before { query.before = nil }
        else if after > before { (query.after, query.before) = (before, after) }
    }
    if Bool.random(using: &rng) { query.author = value(&rng) }
    query.eventTiming = [nil, .upcoming, .past].randomElement(using: &rng)!
    query.readState = [nil, .unread, .read].randomElement(using: &rng)!
    return query
}

@Test func formattedQueryParsesBackToTheSameQuery() throws {
    var rng = SplitMix64.forTest()
    for _ in 0..<300 {
        let query = wellFormedQuery(&rng)
        let text = query.formatted
        let parsed = try #require(try? QueryParser.parse(text), "could not parse \(text), \(rng.replay)")
        #expect(parsed == query, "\(text), \(rng.replay)")
    }
}

@Test func formattedQueryIsTheSameTextAfterARoundTrip() throws {
    var rng = SplitMix64.forTest()
    for _ in 0..<200 {
        let text = wellFormedQuery(&rng).formatted
        #expect(try QueryParser.parse(text).formatted == text, "\(rng.replay)")
    }
}

/// Grammar-heavy pieces, so random lines hit fields, quotes, negation and dates often.
private let linePieces = [":", "\"", "-", " ", " ", " ", "\t", "a", "Z", "7", "0", "é", "e\u{301}", "中", "😀",
                          "\u{A0}", "topic", "TYPE", "type:", "after:", "before:", "author", "is:", "news",
                          "upcoming", "2023", "-01", "-13", "://", "foo", "\r\n"]

@Test func anyLineParsesOrFailsWithAColumnInsideIt() {
    var rng = SplitMix64.forTest()
    var parsed = 0
    var failed = 0
    for _ in 0..<600 {
        let line = (0..<Int.random(in: 0...24, using: &rng)).map { _ in linePieces.randomElement(using: &rng)! }
            .joined()
        do {
            let query = try QueryParser.parse(line)
            parsed += 1
            // Whatever parses also survives formatting.
            #expect(try QueryParser.parse(query.formatted) == query, "\(line.debugDescription), \(rng.replay)")
        } catch {
            failed += 1
            #expect((1...line.count + 1).contains(error.column), "\(line.debugDescription) → \(error), \(rng.replay)")
            let caretLine = error.pointer(in: line).split(separator: "\n", omittingEmptySubsequences: false).last!
            #expect(caretLine.prefix(while: { $0 == " " }).count == error.column - 1, "\(line.debugDescription), \(rng.replay)")
        }
    }
    // The alphabet exercises both outcomes.
    #expect(parsed > 50)
    #expect(failed > 50)
}
