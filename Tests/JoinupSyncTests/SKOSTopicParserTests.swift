import Foundation
import JoinupModel
@testable import JoinupSync
import Testing

@Suite struct SKOSTopicParserTests {
    static func skos(_ body: String) -> Data {
        Data("""
        <?xml version="1.0"?>
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:skos="http://www.w3.org/2004/02/skos/core#">
        \(body)
        </rdf:RDF>
        """.utf8)
    }

    @Test func broaderTransitiveGivesTheParentCategory() throws {
        let topics = try SKOSTopicParser.parse(Self.skos("""
        <skos:Concept rdf:about="http://joinup.eu/ontology/topic/category#ict"><skos:prefLabel>ICT</skos:prefLabel></skos:Concept>
        <skos:Concept rdf:about="http://joinup.eu/ontology/topic#ict">
          <skos:prefLabel xml:lang="fr">TIC</skos:prefLabel><skos:prefLabel xml:lang="en">ICT</skos:prefLabel>
          <skos:broaderTransitive rdf:resource="http://joinup.eu/ontology/topic/category#ict"/>
        </skos:Concept>
        <rdf:Description rdf:about="http://joinup.eu/ontology/topic#legal">
          <rdf:type rdf:resource="http://www.w3.org/2004/02/skos/core#Concept"/>
          <skos:prefLabel>Legal</skos:prefLabel>
          <skos:broader rdf:resource="http://joinup.eu/ontology/topic/category#digital-government"/>
        </rdf:Description>
        <rdf:Description rdf:about="http://example.org/not-a-concept"><skos:prefLabel>Nope</skos:prefLabel></rdf:Description>
        """))
        #expect(topics == [
            Topic(uri: "http://joinup.eu/ontology/topic/category#ict", label: "ICT", parentURI: nil, level: .category),
            Topic(uri: "http://joinup.eu/ontology/topic#ict", label: "ICT",
                  parentURI: "http://joinup.eu/ontology/topic/category#ict", level: .term),
            Topic(uri: "http://joinup.eu/ontology/topic#legal", label: "Legal",
                  parentURI: "http://joinup.eu/ontology/topic/category#digital-government", level: .term),
        ])
    }

    @Test func aParentWithoutCategoryURIIsStillACategory() throws {
        let topics = try SKOSTopicParser.parse(Self.skos("""
        <skos:Concept rdf:about="http://example.org/topics/health"><skos:prefLabel>Health</skos:prefLabel></skos:Concept>
        <skos:Concept rdf:about="http://example.org/topics/ehealth"><skos:prefLabel>eHealth</skos:prefLabel>
          <skos:broaderTransitive rdf:resource="http://example.org/topics/health"/></skos:Concept>
        <skos:Concept rdf:about="http://example.org/topics/lonely"><skos:prefLabel>Lonely</skos:prefLabel></skos:Concept>
        """))
        #expect(topics.map(\.level) == [.category, .term, .term])
    }

    @Test func conceptWithoutLabelIsAnError() {
        #expect(throws: FeedParseError(resource: "topics.rdf", reason: .missingField(field: "skos:prefLabel", context: "concept <http://example.org/x>"))) {
            _ = try SKOSTopicParser.parse(Self.skos(#"<skos:Concept rdf:about="http://example.org/x"/>"#))
        }
    }

    @Test func embeddedVocabularyHasTwoCategoriesWithTwelveTerms() throws {
        let topics = try SKOSTopicParser.parse(Data(PackageResources.topics_rdf))
        let ict = topics.filter { $0.parentURI == "http://joinup.eu/ontology/topic/category#ict" }.map(\.label)
        let gov = topics.filter { $0.parentURI == "http://joinup.eu/ontology/topic/category#digital-government" }.map(\.label)
        #expect(Set(ict).isSuperset(of: ["Open Source Software", "ICT", "ICT security", "Digital innovation", "Innovation", "Science and technology"]))
        #expect(Set(gov) == ["eGovernment", "Legal", "Collaboration", "Standardisation", "Content and knowledge management", "Education"])
        for topic in topics where topic.level == .term {
            let slug = topic.label.lowercased().replacingOccurrences(of: " ", with: "-")
            #expect(topic.uri == "http://joinup.eu/ontology/topic#" + slug)
        }
    }
}
