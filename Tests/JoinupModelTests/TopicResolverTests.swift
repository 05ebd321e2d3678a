import Testing
@testable import JoinupModel

private typealias V = QueryVocabulary

@Test func exactURIResolvesEvenWhenTheLabelIsShared() {
    #expect(TopicResolver.resolve(V.ictTerm.uri, in: V.all) == .resolved(V.ictTerm))
    #expect(TopicResolver.resolve(V.ictCategory.uri, in: V.all) == .resolved(V.ictCategory))
}

@Test func labelMatchIgnoresCaseDiacriticsAndExtraSpaces() {
    #expect(TopicResolver.resolve("donnees  OUVERTES", in: V.all) == .resolved(V.openData))
    #expect(TopicResolver.resolve("legal", in: V.all) == .resolved(V.legal))
}

@Test func sharedLabelICTIsAmbiguousCategoryFirst() {
    let resolution = TopicResolver.resolve("ICT", in: V.all)
    #expect(resolution == .ambiguous([V.ictCategory, V.ictTerm]))
    #expect(resolution.topic == nil)
}

@Test func ambiguityMessageListsEachURIWithItsLevel() {
    let message = TopicResolver.resolve("ict", in: V.all).message(for: "ict")
    #expect(message == "\"ict\" names 2 topics: http://joinup.eu/ontology/topic/category#ict (category), "
        + "http://joinup.eu/ontology/topic#ict (term); use the URI")
}

@Test func duplicateVocabularyEntriesDoNotMakeAnAmbiguity() {
    #expect(TopicResolver.resolve("Legal", in: V.all + [V.legal]) == .resolved(V.legal))
}

@Test func resolvedHasNoMessage() {
    #expect(TopicResolver.resolve("Legal", in: V.all).message(for: "Legal") == nil)
}

@Test func unknownTopicSuggestsLabelsStartingWithTheTerm() {
    #expect(TopicResolver.resolve("open", in: V.all) == .unknown(suggestions: [V.openSource]))
}

@Test func unknownTopicSuggestsLabelsContainingTheTermAfterPrefixes() {
    #expect(TopicResolver.resolve("gov", in: V.all) == .unknown(suggestions: [V.government, V.eGovernment]))
    #expect(TopicResolver.resolve("e", in: V.all)
        == .unknown(suggestions: [V.eGovernment, V.government, V.openData]))
}

@Test func unknownTopicSuggestsLabelsWithinATypo() {
    let resolution = TopicResolver.resolve("Legl", in: V.all)
    #expect(resolution == .unknown(suggestions: [V.legal]))
    #expect(resolution.message(for: "Legl") == "unknown topic \"Legl\"; did you mean \"Legal\"?")
}

@Test func suggestionsSharingALabelNameTheirLevel() {
    let resolution = TopicResolver.resolve("IC", in: V.all)
    #expect(resolution == .unknown(suggestions: [V.ictCategory, V.ictTerm, V.ictSecurity]))
    #expect(resolution.message(for: "IC")
        == "unknown topic \"IC\"; did you mean \"ICT\" (category), \"ICT\" (term) or \"ICT security\"?")
}

@Test func unrelatedTermHasNoSuggestions() {
    let resolution = TopicResolver.resolve("zzzz", in: V.all)
    #expect(resolution == .unknown(suggestions: []))
    #expect(resolution.message(for: "zzzz") == "unknown topic \"zzzz\"")
}

@Test func uriInTheWrongCaseIsSuggestedNotResolved() {
    let resolution = TopicResolver.resolve("HTTP://JOINUP.EU/ONTOLOGY/TOPIC#LEGAL", in: V.all)
    #expect(resolution == .unknown(suggestions: [V.legal]))
}
