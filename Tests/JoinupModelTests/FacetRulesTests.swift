import Testing
@testable import JoinupModel

private let ictCategory = Topic(uri: "http://joinup.eu/ontology/topic/category#ict", label: "ICT")
private let ictTerm = Topic(uri: "http://joinup.eu/ontology/topic#ict", label: "ICT", parentURI: ictCategory.uri)
private let oss = Topic(uri: "http://joinup.eu/ontology/topic#open-source-software", label: "Open Source Software", parentURI: ictCategory.uri)
private let govCategory = Topic(uri: "http://joinup.eu/ontology/topic/category#digital-government", label: "Digital government")
private let legal = Topic(uri: "http://joinup.eu/ontology/topic#legal", label: "Legal", parentURI: govCategory.uri)
private let vocabulary = Dictionary(uniqueKeysWithValues: [ictCategory, ictTerm, oss, govCategory, legal].map { ($0.uri, $0) })

@Test func categoryCountsItemsOfAllChildrenOnce() {
    let counts = FacetRules.counts(items: [[oss.uri, ictTerm.uri], [oss.uri], [legal.uri]], vocabulary: vocabulary)
    let byURI = Dictionary(uniqueKeysWithValues: counts.map { ($0.topic.uri, $0.count) })
    #expect(byURI[ictCategory.uri] == 2)
    #expect(byURI[ictTerm.uri] == 1)
    #expect(byURI[oss.uri] == 2)
    #expect(byURI[govCategory.uri] == 1)
}

@Test func sameLabelDifferentURIsStayApart() {
    let counts = FacetRules.counts(items: [[ictTerm.uri], [oss.uri]], vocabulary: vocabulary)
    let ict = counts.filter { $0.topic.label == "ICT" }
    #expect(ict.count == 2)
    #expect(Set(ict.map(\.topic.uri)) == [ictCategory.uri, ictTerm.uri])
}

@Test func directlyTaggedCategoryCountsOnce() {
    let counts = FacetRules.counts(items: [[govCategory.uri, legal.uri]], vocabulary: vocabulary)
    #expect(counts.first { $0.topic.uri == govCategory.uri }?.count == 1)
}

@Test func orderIsCountDescendingThenLabelIgnoringCase() {
    let e = Topic(uri: "u:e", label: "eGovernment")
    let c = Topic(uri: "u:c", label: "Collaboration")
    let l = Topic(uri: "u:l", label: "Legal")
    let z = Topic(uri: "u:z", label: "Zero")
    let ordered = FacetRules.ordered([
        FacetCount(topic: l, count: 2), FacetCount(topic: e, count: 2),
        FacetCount(topic: z, count: 0), FacetCount(topic: c, count: 2),
        FacetCount(topic: ictCategory, count: 8),
    ])
    #expect(ordered.map(\.topic.label) == ["ICT", "Collaboration", "eGovernment", "Legal"])
}

@Test func topicLevelIsInferredFromJoinupURIs() {
    #expect(ictCategory.isCategory)
    #expect(!ictTerm.isCategory)
    #expect(Topic(uri: "Some label", label: "Some label").level == .term)
}

@Test func moreTopicsLabelIsSingularForOne() {
    #expect(ItemSummary.moreTopicsLabel(0) == nil)
    #expect(ItemSummary.moreTopicsLabel(1) == "+1 topic")
    #expect(ItemSummary.moreTopicsLabel(6) == "+6 topics")
}
