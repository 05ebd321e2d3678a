import Foundation
import JoinupModel
@testable import JoinupSync
import Testing

@Suite struct CollectionRDFParserTests {
    static func rdf(_ body: String) -> Data {
        Data("""
        <?xml version="1.0" encoding="UTF-8"?>
        <r:RDF xmlns:r="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:terms="http://purl.org/dc/terms/"
               xmlns:ns0="http://www.w3.org/ns/dcat#" xmlns:foaf="http://xmlns.com/foaf/0.1/"
               xmlns:v="http://www.w3.org/2006/vcard/ns#" xmlns:rdfs="http://www.w3.org/2000/01/rdf-schema#"
               xmlns:ns1="http://joinup.eu/collection/" xmlns:ns2="http://joinup.eu/ar/" xmlns:ns3="http://joinup.eu/"
               xmlns:spec="http://xmlns.com/foaf/spec/#">
        \(body)
        </r:RDF>
        """.utf8)
    }

    /// Unusual prefixes on purpose (EasyRdf invents `ns0:`…): the parser must go by full IRI. The
    /// topic predicate `http://joinup.eu/vocabulary/topic` is split here as `ns3:` + `vocabulary/…`
    /// cannot be (a local name has no slash), so it is written under its own namespace below.
    static let minimal = """
    <r:Description r:about="http://data.europa.eu/w21/abc">
      <r:type r:resource="http://www.w3.org/ns/dcat#Catalog"/>
      <terms:title xml:lang="fr">Ma collection</terms:title>
      <terms:title xml:lang="en">My collection</terms:title>
      <terms:alternative>my-collection</terms:alternative>
      <terms:abstract>Short.</terms:abstract>
      <terms:description r:parseType="Literal"><p>One &amp; two.</p><p>Three.</p></terms:description>
      <terms:publisher><foaf:Agent><foaf:name>Some Agency</foaf:name></foaf:Agent></terms:publisher>
      <ns0:contactPoint r:resource="http://example.org/contact/1"/>
      <ns0:contactPoint><v:Kind><v:fn>Second desk</v:fn><v:hasEmail>desk@example.org</v:hasEmail></v:Kind></ns0:contactPoint>
      <topic xmlns="http://joinup.eu/vocabulary/" r:resource="http://joinup.eu/ontology/topic/category#ict"/>
      <topic xmlns="http://joinup.eu/vocabulary/" r:resource="http://joinup.eu/ontology/topic#legal"/>
      <topic xmlns="http://joinup.eu/vocabulary/" r:resource="http://joinup.eu/ontology/topic/category#ict"/>
      <terms:spatial r:resource="http://publications.europa.eu/resource/authority/country/BEL"/>
      <terms:spatial r:resource="http://example.org/place/lu"/>
      <terms:spatial>Europe</terms:spatial>
      <ns0:keyword>alpha</ns0:keyword><ns0:keyword>beta</ns0:keyword>
      <ns0:dataset r:resource="http://data.europa.eu/w21/solution-1"/>
      <ns0:dataset r:resource="http://data.europa.eu/w21/solution-2"/>
      <ns3:language>en</ns3:language>
      <terms:issued>2020-10-21T10:00:00+02:00</terms:issued>
    </r:Description>
    <v:Kind r:about="http://example.org/contact/1">
      <v:fn>Help desk</v:fn>
      <v:hasEmail r:resource="mailto:help@example.org"/>
      <v:hasURL r:resource="https://example.org/help"/>
    </v:Kind>
    <r:Description r:about="http://example.org/place/lu"><rdfs:label>Luxembourg (city)</rdfs:label></r:Description>
    """

    @Test func joinupsPredicatesAreReadByFullIRI() throws {
        let c = try CollectionRDFParser.parse(Self.rdf(Self.minimal))
        #expect(c.uri == "http://data.europa.eu/w21/abc")
        #expect(c.title == "My collection", "the English title of several")
        #expect(c.alias == "my-collection", "the short id is dct:alternative")
        #expect(c.abstract == "Short.")
        #expect(c.description == "One & two.\n\nThree.")
        #expect(c.owner == "Some Agency")
        #expect(c.contacts == [
            Collection.Contact(name: "Help desk", email: "help@example.org", url: "https://example.org/help"),
            Collection.Contact(name: "Second desk", email: "desk@example.org", url: nil),
        ])
        #expect(c.topicURIs == ["http://joinup.eu/ontology/topic/category#ict", "http://joinup.eu/ontology/topic#legal"])
        // A country reference with no label in the document is named from the EU's authority table.
        #expect(c.spatial == ["Belgium", "Luxembourg (city)", "Europe"])
        #expect(c.keywords == ["alpha", "beta"])
        #expect(c.solutionCount == 2)
        #expect(c.created == Fixture.iso("2020-10-21T08:00:00Z"))
        #expect(c.modified == c.created)
        // The metadata names no page: the sync fills it in from where it fetched the document.
        #expect(c.pageURL.isEmpty && c.feedURL.isEmpty && c.metadataURL.isEmpty)
    }

    @Test func joinupSettingsDefaultWhenAbsentAndAreReadWhenPresent() throws {
        let defaults = try CollectionRDFParser.parse(Self.rdf(Self.minimal))
        #expect(!defaults.isClosed && !defaults.isModerated)
        #expect(defaults.contentCreation == .onlyMembers)
        #expect(defaults.workflowState == "validated")

        // EasyRdf writes booleans as 1/0 with an xsd:boolean datatype.
        let settings = """
            <terms:RightsStatement r:datatype="http://www.w3.org/2001/XMLSchema#boolean">1</terms:RightsStatement>
            <ns1:moderation r:datatype="http://www.w3.org/2001/XMLSchema#boolean">1</ns1:moderation>
            <ns1:content_creation>facilitators_and_authors</ns1:content_creation>
            <ns2:workflow_status>archived</ns2:workflow_status>
            """
        let set = try CollectionRDFParser.parse(Self.rdf(Self.minimal.replacingOccurrences(of: "<ns0:keyword>alpha", with: settings + "<ns0:keyword>alpha")))
        #expect(set.isClosed && set.isModerated)
        #expect(set.contentCreation == .facilitatorsAndAuthors)
        #expect(set.contentCreation.label == "Only facilitators and authors can create content.")
        #expect(set.workflowState == "archived")
        #expect(Collection.workflowLabel(set.workflowState) == "Archived")
        for (value, expected) in [("any_user", Collection.ContentCreation.anyUser), ("only_members", .onlyMembers)] {
            let one = try CollectionRDFParser.parse(Self.rdf(Self.minimal.replacingOccurrences(
                of: "<ns0:keyword>alpha", with: "<ns1:content_creation>\(value)</ns1:content_creation><ns0:keyword>alpha")))
            #expect(one.contentCreation == expected)
        }
    }

    @Test func predicatesWeOnceInventedAreIgnored() throws {
        let invented = """
            <j:closed xmlns:j="http://joinup.eu/ontology/">true</j:closed><j:alias xmlns:j="http://joinup.eu/ontology/">other</j:alias>
            <ns0:theme r:resource="http://joinup.eu/ontology/topic#energy"/>
            <foaf:homepage r:resource="https://example.org/collection/other"/>
            """
        let c = try CollectionRDFParser.parse(Self.rdf(Self.minimal.replacingOccurrences(of: "<ns0:keyword>alpha", with: invented + "<ns0:keyword>alpha")))
        #expect(!c.isClosed)
        #expect(c.alias == "my-collection")
        #expect(!c.topicURIs.contains("http://joinup.eu/ontology/topic#energy"))
    }

    @Test func onlyACatalogWithATitleIsRequired() throws {
        let bare = try CollectionRDFParser.parse(Self.rdf("""
            <ns0:Catalog r:about="http://data.europa.eu/w21/bare"><terms:title>Bare</terms:title></ns0:Catalog>
            """))
        #expect(bare.title == "Bare" && bare.uri == "http://data.europa.eu/w21/bare")
        #expect(bare.alias.isEmpty && bare.solutionCount == nil && bare.spatial.isEmpty && bare.owner.isEmpty)
        // A publisher given only as a reference (Joinup's own export) leaves the owner to be resolved elsewhere.
        let referenced = try CollectionRDFParser.parse(Self.rdf("""
            <ns0:Catalog r:about="http://data.europa.eu/w21/x"><terms:title>X</terms:title>
              <terms:publisher r:resource="http://data.europa.eu/w21/owner"/></ns0:Catalog>
            """))
        #expect(referenced.owner.isEmpty)
    }

    @Test func unknownContentCreationPolicyIsAnError() {
        let bad = Self.minimal.replacingOccurrences(of: "<ns0:keyword>alpha", with: "<ns1:content_creation>everyone</ns1:content_creation><ns0:keyword>alpha")
        #expect(throws: FeedParseError(resource: "collection.rdf", reason: .invalidValue(
            field: "content_creation", value: "everyone", context: "the collection"))) {
            _ = try CollectionRDFParser.parse(Self.rdf(bad))
        }
    }

    @Test func anUnreadableDateIsAnError() {
        let bad = Self.minimal.replacingOccurrences(of: "2020-10-21T10:00:00+02:00", with: "yesterday")
        #expect(throws: FeedParseError(resource: "collection.rdf", reason: .invalidValue(field: "dct:issued", value: "yesterday", context: "the collection"))) {
            _ = try CollectionRDFParser.parse(Self.rdf(bad))
        }
    }

    @Test func nonRDFDocumentIsRefused() {
        #expect(throws: FeedParseError.self) {
            _ = try CollectionRDFParser.parse(Data("<rss><channel/></rss>".utf8))
        }
    }
}
