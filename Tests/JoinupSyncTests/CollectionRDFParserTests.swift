import Foundation
import JoinupModel
@testable import JoinupSync
import Testing

@Suite struct CollectionRDFParserTests {
    static func rdf(_ body: String) -> Data {
        Data("""
        <?xml version="1.0" encoding="UTF-8"?>
        <r:RDF xmlns:r="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:terms="http://purl.org/dc/terms/"
               xmlns:dcat="http://www.w3.org/ns/dcat#" xmlns:foaf="http://xmlns.com/foaf/0.1/"
               xmlns:v="http://www.w3.org/2006/vcard/ns#" xmlns:rdfs="http://www.w3.org/2000/01/rdf-schema#"
               xmlns:j="http://joinup.eu/ontology/">
        \(body)
        </r:RDF>
        """.utf8)
    }

    /// Unusual prefixes on purpose: the parser must go by namespace URI, not by the prefix text.
    static let minimal = """
    <r:Description r:about="http://data.europa.eu/w21/abc">
      <r:type r:resource="http://www.w3.org/ns/dcat#Catalog"/>
      <terms:title>My collection</terms:title>
      <terms:abstract>Short.</terms:abstract>
      <terms:description r:parseType="Literal"><p>One &amp; two.</p><p>Three.</p></terms:description>
      <terms:publisher><foaf:Agent><foaf:name>Some Agency</foaf:name></foaf:Agent></terms:publisher>
      <dcat:contactPoint r:resource="http://example.org/contact/1"/>
      <dcat:contactPoint><v:Kind><v:fn>Second desk</v:fn><v:hasEmail>desk@example.org</v:hasEmail></v:Kind></dcat:contactPoint>
      <dcat:theme r:resource="http://joinup.eu/ontology/topic/category#ict"/>
      <terms:subject r:resource="http://joinup.eu/ontology/topic#legal"/>
      <dcat:theme r:resource="http://joinup.eu/ontology/topic/category#ict"/>
      <terms:spatial r:resource="http://example.org/place/be"/>
      <terms:spatial>Europe</terms:spatial>
      <dcat:keyword>alpha</dcat:keyword><dcat:keyword>beta</dcat:keyword>
      <terms:issued>2020-10-21T10:00:00+02:00</terms:issued>
      <dcat:landingPage r:resource="https://example.org/collection/my-collection/"/>
    </r:Description>
    <v:Kind r:about="http://example.org/contact/1">
      <v:fn>Help desk</v:fn>
      <v:hasEmail r:resource="mailto:help@example.org"/>
      <v:hasURL r:resource="https://example.org/help"/>
    </v:Kind>
    <r:Description r:about="http://example.org/place/be"><rdfs:label>Belgium</rdfs:label></r:Description>
    """

    @Test func dcatPredicatesAreRead() throws {
        let c = try CollectionRDFParser.parse(Self.rdf(Self.minimal))
        #expect(c.uri == "http://data.europa.eu/w21/abc")
        #expect(c.title == "My collection")
        #expect(c.abstract == "Short.")
        #expect(c.description == "One & two.\n\nThree.")
        #expect(c.owner == "Some Agency")
        #expect(c.contacts == [
            Collection.Contact(name: "Help desk", email: "help@example.org", url: "https://example.org/help"),
            Collection.Contact(name: "Second desk", email: "desk@example.org", url: nil),
        ])
        #expect(c.topicURIs == ["http://joinup.eu/ontology/topic/category#ict", "http://joinup.eu/ontology/topic#legal"])
        #expect(c.spatial == ["Belgium", "Europe"])
        #expect(c.keywords == ["alpha", "beta"])
        #expect(c.created == Fixture.iso("2020-10-21T08:00:00Z"))
        #expect(c.modified == c.created)
    }

    @Test func aliasAndURLsDeriveFromThePageWhenAbsent() throws {
        let c = try CollectionRDFParser.parse(Self.rdf(Self.minimal))
        #expect(c.alias == "my-collection")
        #expect(c.pageURL == "https://example.org/collection/my-collection/")
        #expect(c.feedURL == "https://example.org/collection/my-collection/feed.xml")
        #expect(c.metadataURL == "https://example.org/collection/my-collection?_format=rdfxml")
    }

    @Test func joinupSettingsDefaultWhenAbsentAndAreReadWhenPresent() throws {
        let defaults = try CollectionRDFParser.parse(Self.rdf(Self.minimal))
        #expect(!defaults.isClosed && !defaults.isModerated)
        #expect(defaults.contentCreation == .members)
        #expect(defaults.workflowState == "validated")

        let settings = "<j:closed>true</j:closed><j:moderation>1</j:moderation><j:content_creation>registered_users</j:content_creation><j:workflow_state>draft</j:workflow_state><j:alias>mine</j:alias>"
        let set = try CollectionRDFParser.parse(Self.rdf(Self.minimal.replacingOccurrences(of: "<dcat:keyword>alpha", with: settings + "<dcat:keyword>alpha")))
        #expect(set.isClosed && set.isModerated)
        #expect(set.contentCreation == .registeredUsers)
        #expect(set.workflowState == "draft")
        #expect(set.alias == "mine")
    }

    @Test func unknownContentCreationPolicyIsAnError() {
        let bad = Self.minimal.replacingOccurrences(of: "<dcat:keyword>alpha", with: "<j:content_creation>everyone</j:content_creation><dcat:keyword>alpha")
        #expect(throws: FeedParseError(resource: "collection.rdf", reason: .invalidValue(
            field: "joinup:content_creation", value: "everyone", context: "the collection"))) {
            _ = try CollectionRDFParser.parse(Self.rdf(bad))
        }
    }

    @Test func missingIssuedDateIsAnError() {
        let bad = Self.minimal.replacingOccurrences(of: "<terms:issued>2020-10-21T10:00:00+02:00</terms:issued>", with: "")
        #expect(throws: FeedParseError(resource: "collection.rdf", reason: .missingField(field: "dct:issued", context: "the collection"))) {
            _ = try CollectionRDFParser.parse(Self.rdf(bad))
        }
    }

    @Test func nonRDFDocumentIsRefused() {
        #expect(throws: FeedParseError.self) {
            _ = try CollectionRDFParser.parse(Data("<rss><channel/></rss>".utf8))
        }
    }
}
