import Foundation
import Testing
@testable import JoinupModel

private typealias V = QueryVocabulary

@Test func everyFieldFillsTheItemFilter() throws {
    let query = try QueryParser.parse(#"open source topic:"Données ouvertes" -topic:Legal type:news "#
        + "type:Events after:2023 before:2024 author:Dupont is:past")
    let filter = try query.filter(vocabulary: V.all)
    #expect(filter == ItemFilter(
        topicURIs: [V.openData.uri], excludedTopicURIs: [V.legal.uri], kinds: [.news, .event],
        text: "open source", author: "Dupont",
        since: Date(timeIntervalSince1970: 1_672_527_600), until: Date(timeIntervalSince1970: 1_704_063_600),
        eventTiming: .past))
}

@Test func topicsByURIAndLabelCombine() throws {
    let filter = try QueryParser.parse("topic:\(V.ictCategory.uri) topic:legal").filter(vocabulary: V.all)
    #expect(filter.topicURIs == [V.ictCategory.uri, V.legal.uri])
    #expect(filter.excludedTopicURIs.isEmpty)
}

@Test func ambiguousTopicIsAnErrorAtItsTerm() throws {
    let query = try QueryParser.parse("news topic:ICT")
    #expect(throws: QueryError(column: 6, message: "\"ICT\" names 2 topics: "
        + "http://joinup.eu/ontology/topic/category#ict (category), http://joinup.eu/ontology/topic#ict (term); "
        + "use the URI")) {
        try query.filter(vocabulary: V.all)
    }
}

@Test func unknownNegatedTopicIsAnErrorAtItsDash() throws {
    let query = try QueryParser.parse("topic:Legal -topic:Legl")
    #expect(throws: QueryError(column: 13, message: "unknown topic \"Legl\"; did you mean \"Legal\"?")) {
        try query.filter(vocabulary: V.all)
    }
}

@Test func fieldsTheQueryLeavesOutKeepTheBase() throws {
    let base = ItemFilter(topicURIs: [V.legal.uri], excludedTopicURIs: [V.ictTerm.uri], kinds: [.document],
                          text: "old", author: "Someone", eventTiming: .upcoming)
    let filter = try QueryParser.parse("type:news new").filter(base: base, vocabulary: V.all)
    #expect(filter == ItemFilter(topicURIs: [V.legal.uri], excludedTopicURIs: [V.ictTerm.uri], kinds: [.news],
                                 text: "new", author: "Someone", eventTiming: .upcoming))
}

@Test func emptyQueryGivesTheBaseBack() throws {
    let base = ItemFilter(kinds: [.event], text: "x")
    #expect(try ParsedQuery.empty.filter(base: base, vocabulary: V.all) == base)
}
