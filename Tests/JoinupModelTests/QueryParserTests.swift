import Foundation
import Testing
@testable import JoinupModel

// Brussels midnights, from `TZ=Europe/Brussels date -d … +%s`.
private let jan2023 = Date(timeIntervalSince1970: 1_672_527_600)    // 2023-01-01 00:00 CET
private let jun2023 = Date(timeIntervalSince1970: 1_685_570_400)    // 2023-06-01 00:00 CEST
private let jan2024 = Date(timeIntervalSince1970: 1_704_063_600)    // 2024-01-01 00:00 CET
private let mar15_2023 = Date(timeIntervalSince1970: 1_678_834_800) // 2023-03-15 00:00 CET
private let feb29_2024 = Date(timeIntervalSince1970: 1_709_161_200) // 2024-02-29 00:00 CET

private func parse(_ text: String) throws(QueryError) -> ParsedQuery {
    try QueryParser.parse(text)
}

// MARK: free text

@Test func freeTextWordsAreJoinedWithSingleSpaces() throws {
    #expect(try parse("  open \t  source\n ").text == "open source")
}

@Test func quotedPhraseContributesItsWords() throws {
    let query = try parse(#""open   source" tools"#)
    #expect(query.text == "open source tools")
    #expect(query.topics.isEmpty)
}

@Test func emptyQueryParsesToEmpty() throws {
    #expect(try parse("").isEmpty)
    #expect(try parse("   ").isEmpty)
    #expect(try !parse("x").isEmpty)
}

@Test func pastedURLIsFreeText() throws {
    let query = try parse("see https://joinup.ec.europa.eu/collection/ec-ospo now")
    #expect(query.text == "see https://joinup.ec.europa.eu/collection/ec-ospo now")
}

@Test func colonAfterNonLettersIsFreeText() throws {
    #expect(try parse("meet 10:30 :) e-government").text == "meet 10:30 :) e-government")
}

@Test func quotedWordMayStartWithDashOrLookLikeAField() throws {
    let query = try parse(#""-2%" "topic:x""#)
    #expect(query.text == "-2% topic:x")
    #expect(query.topics.isEmpty)
}

// MARK: topic

@Test func topicTermKeepsItsLabelAndColumn() throws {
    let query = try parse("eu topic:ICT")
    #expect(query.topics == [TopicTerm(term: "ICT")])
    #expect(query.topics.first?.column == 4)
    #expect(query.text == "eu")
}

@Test func topicsRepeatInQueryOrder() throws {
    let query = try parse("topic:Legal topic:ICT")
    #expect(query.topics.map(\.term) == ["Legal", "ICT"])
    #expect(query.topics.map(\.column) == [1, 13])
}

@Test func quotedTopicKeepsSpacesAndNonASCII() throws {
    let query = try parse(#"topic:"Données   ouvertes" x"#)
    #expect(query.topics == [TopicTerm(term: "Données ouvertes")])
    #expect(query.text == "x")
}

@Test func topicMayBeAURI() throws {
    let query = try parse("topic:http://joinup.eu/ontology/topic#ict")
    #expect(query.topics == [TopicTerm(term: "http://joinup.eu/ontology/topic#ict")])
    #expect(query.text == "")
}

@Test func dashNegatesATopicAndItsColumnIncludesTheDash() throws {
    let query = try parse("a -topic:ICT topic:Legal")
    #expect(query.topics == [TopicTerm(term: "ICT", negated: true), TopicTerm(term: "Legal", negated: false)])
    #expect(query.topics.map(\.column) == [3, 14])
}

@Test func fieldNamesIgnoreCase() throws {
    let query = try parse("TOPIC:x Type:News AFTER:2023 -Topic:y")
    #expect(query.topics == [TopicTerm(term: "x"), TopicTerm(term: "y", negated: true)])
    #expect(query.kinds == [.news])
    #expect(query.after == jan2023)
}

// MARK: type

@Test func typeAcceptsPluralAndCapitalisedForms() throws {
    #expect(try parse("type:News type:events type:Solutions type:DOCUMENT type:discussions").kinds
        == [.news, .event, .solution, .document, .discussion])
}

@Test func repeatedTypeIsOneKind() throws {
    #expect(try parse("type:event type:Event").kinds == [.event])
}

@Test func quotedTypeValueIsReadThroughItemKindLabels() throws {
    #expect(try parse(#"type:"Physical event""#).kinds == [.event])
}

// MARK: dates

@Test func afterDayIsTheStartOfThatBrusselsDay() throws {
    #expect(try parse("after:2023-01-01").after == jan2023)
    #expect(try parse("after:2023-03-15").after == mar15_2023)
}

@Test func monthAndYearMeanTheirFirstDayInBrussels() throws {
    let query = try parse("after:2023-06 before:2024")
    #expect(query.after == jun2023)
    #expect(query.before == jan2024)
}

@Test func leapDayIsAccepted() throws {
    #expect(try parse("after:2024-02-29").after == feb29_2024)
}

// MARK: author, is

@Test func authorTakesAQuotedName() throws {
    let query = try parse(#"author:"Jean  Dupont" author-less"#)
    #expect(query.author == "Jean Dupont")
    #expect(query.text == "author-less")
}

@Test func isTakesUpcomingOrPast() throws {
    #expect(try parse("is:upcoming").eventTiming == .upcoming)
    #expect(try parse("IS:Past").eventTiming == .past)
}

@Test func isTakesUnreadOrReadAndCombinesWithATiming() throws {
    let query = try parse("is:upcoming IS:Unread")
    #expect(query.readState == .unread)
    #expect(query.eventTiming == .upcoming)
    #expect(try parse("is:read").readState == .read)
    #expect(try parse("is:read").eventTiming == nil)
    #expect(try parse(query.formatted) == query)
    let filter = try query.filter(vocabulary: [])
    #expect(filter.readState == .unread)
}

// MARK: errors, with the column they point at

struct ErrorCase: Sendable, CustomTestStringConvertible {
    let query: String
    let column: Int
    let message: String
    var testDescription: String { query }
}

private let dateHelp = "dates are YYYY-MM-DD, YYYY-MM or YYYY"
private let fields = "fields are topic, type, after, before, author, is"

@Test(arguments: [
    ErrorCase(query: "type:event after:2023-13-01", column: 12, message: "invalid date 2023-13-01; \(dateHelp)"),
    ErrorCase(query: "after:2023-13-45", column: 1, message: "invalid date 2023-13-45; \(dateHelp)"),
    ErrorCase(query: "x after:2023-02-29", column: 3, message: "invalid date 2023-02-29; \(dateHelp)"),
    ErrorCase(query: "before:23-01-01", column: 1, message: "invalid date 23-01-01; \(dateHelp)"),
    ErrorCase(query: "before:2023-1", column: 1, message: "invalid date 2023-1; \(dateHelp)"),
    ErrorCase(query: "news foo:bar", column: 6, message: "unknown field foo; \(fields)"),
    ErrorCase(query: "see:http://x", column: 1, message: "unknown field see; \(fields)"),
    ErrorCase(query: "é topic:\"a\" Données:x", column: 13, message: "unknown field Données; \(fields)"),
    ErrorCase(query: "e\u{301}t\u{e9} foo:bar", column: 5, message: "unknown field foo; \(fields)"),
    ErrorCase(query: "😀🇧🇪 type:video", column: 4,
              message: "unknown type video; types are news, event, document, discussion, solution, custom_page"),
    ErrorCase(query: "topic:", column: 1, message: "topic: needs a value"),
    ErrorCase(query: "a topic:\"\"", column: 3, message: "topic: needs a value"),
    ErrorCase(query: "a author:\"  \"", column: 3, message: "author: needs a value"),
    ErrorCase(query: "topic:\"ICT security type:event", column: 7, message: "unterminated quote"),
    ErrorCase(query: "x \"open source", column: 3, message: "unterminated quote"),
    ErrorCase(query: "after:2023 after:2024", column: 12, message: "after: given twice; a query has one after: date"),
    ErrorCase(query: "before:2023 x before:2024", column: 15,
              message: "before: given twice; a query has one before: date"),
    ErrorCase(query: "author:a author:b", column: 10, message: "author: given twice; a query has one author:"),
    ErrorCase(query: "is:past is:upcoming", column: 9, message: "is: given twice; a query has one is:upcoming or is:past"),
    ErrorCase(query: "is:unread is:read", column: 11, message: "is: given twice; a query has one is:unread or is:read"),
    ErrorCase(query: "is:tomorrow", column: 1, message: "is: takes upcoming, past, unread or read, not tomorrow"),
    ErrorCase(query: "x -type:news", column: 3, message: "only topic: can be negated, not type:"),
    ErrorCase(query: "ICT -security", column: 5,
              message: "only topic: can be negated (-topic:…); to search for a leading \"-\", quote the word"),
    ErrorCase(query: "a - b", column: 3,
              message: "a lone \"-\"; write -topic:… to leave a topic out, or \"-\" to search for it"),
    ErrorCase(query: "ab\"c", column: 3, message: "unexpected quote; quotes go around a whole word or value"),
    ErrorCase(query: "\"open\"source", column: 7, message: "expected a space after the closing quote"),
    ErrorCase(query: "topic:\"a\"b", column: 10, message: "expected a space after the closing quote"),
    ErrorCase(query: "after:2024 before:2023", column: 12, message: "nothing is both after:2024 and before:2023"),
    ErrorCase(query: "before:2023-06 after:2023-06", column: 16,
              message: "nothing is both after:2023-06 and before:2023-06"),
])
func malformedQueryIsAnErrorAtTheOffendingColumn(_ example: ErrorCase) {
    #expect(throws: QueryError(column: example.column, message: example.message)) {
        try QueryParser.parse(example.query)
    }
}
