import Foundation
import JoinupModel

/// Writes a generated collection's About metadata as Joinup publishes it: EasyRdf-style RDF/XML
/// (`dc:` bound to DC terms, `ns0:`… for namespaces EasyRdf does not know) with Joinup's
/// predicates (`../shared/REAL-JOINUP.md`, section 2). The owner and contact nodes are embedded,
/// as Joinup's own export does not: a generated remote has no SPARQL endpoint to resolve them.
public enum CollectionRDFWriter {
    public static func write(_ collection: Collection) -> Data {
        let x = WireFormat.xml
        var out = """
            <?xml version="1.0" encoding="utf-8" ?>
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
                     xmlns:dc="http://purl.org/dc/terms/"
                     xmlns:ns0="http://www.w3.org/ns/dcat#"
                     xmlns:ns1="http://joinup.eu/collection/"
                     xmlns:ns2="http://joinup.eu/ar/"
                     xmlns:ns3="http://joinup.eu/vocabulary/"
                     xmlns:foaf="http://xmlns.com/foaf/0.1/"
                     xmlns:vcard="http://www.w3.org/2006/vcard/ns#"
                     xmlns:skos="http://www.w3.org/2004/02/skos/core#">

              <ns0:Catalog rdf:about="\(x(collection.uri))">
                <dc:title xml:lang="en">\(x(collection.title))</dc:title>
                <dc:alternative>\(x(collection.alias))</dc:alternative>
                <dc:abstract xml:lang="en">\(x(FeedWriter.html(collection.abstract)))</dc:abstract>
                <dc:description xml:lang="en">\(x(FeedWriter.html(collection.description)))</dc:description>
                <dc:publisher rdf:nodeID="publisher"/>

            """
        for index in collection.contacts.indices {
            out += "    <ns0:contactPoint rdf:nodeID=\"contact\(index)\"/>\n"
        }
        for uri in collection.topicURIs {
            out += "    <ns3:topic rdf:resource=\"\(x(uri))\"/>\n"
        }
        for place in collection.spatial {
            out += "    <dc:spatial><dc:Location><skos:prefLabel xml:lang=\"en\">\(x(place))</skos:prefLabel></dc:Location></dc:spatial>\n"
        }
        for keyword in collection.keywords {
            out += "    <ns0:keyword xml:lang=\"en\">\(x(keyword))</ns0:keyword>\n"
        }
        out += """
                <dc:RightsStatement rdf:datatype="http://www.w3.org/2001/XMLSchema#boolean">\(collection.isClosed ? 1 : 0)</dc:RightsStatement>
                <ns1:content_creation>\(collection.contentCreation.rawValue)</ns1:content_creation>
                <ns1:moderation rdf:datatype="http://www.w3.org/2001/XMLSchema#boolean">\(collection.isModerated ? 1 : 0)</ns1:moderation>
                <ns2:workflow_status>\(x(collection.workflowState))</ns2:workflow_status>
                <dc:issued rdf:datatype="http://www.w3.org/2001/XMLSchema#dateTime">\(WireFormat.iso8601(collection.created))</dc:issued>
                <dc:modified rdf:datatype="http://www.w3.org/2001/XMLSchema#dateTime">\(WireFormat.iso8601(collection.modified))</dc:modified>
              </ns0:Catalog>
              <foaf:Agent rdf:nodeID="publisher">
                <foaf:name>\(x(collection.owner))</foaf:name>
              </foaf:Agent>

            """
        for (index, contact) in collection.contacts.enumerated() {
            out += "  <vcard:Kind rdf:nodeID=\"contact\(index)\">\n    <vcard:fn>\(x(contact.name))</vcard:fn>\n"
            if let email = contact.email { out += "    <vcard:hasEmail rdf:resource=\"mailto:\(x(email))\"/>\n" }
            if let url = contact.url { out += "    <vcard:hasURL rdf:resource=\"\(x(url))\"/>\n" }
            out += "  </vcard:Kind>\n"
        }
        out += "</rdf:RDF>\n"
        return Data(out.utf8)
    }
}
