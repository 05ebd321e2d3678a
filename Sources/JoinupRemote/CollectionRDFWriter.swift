import Foundation
import JoinupModel

/// Writes a collection's About metadata as RDF/XML (DCAT-AP), the format `CollectionRDFParser` reads.
public enum CollectionRDFWriter {
    public static func write(_ collection: Collection) -> Data {
        let x = WireFormat.xml
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
                     xmlns:dct="http://purl.org/dc/terms/"
                     xmlns:dcat="http://www.w3.org/ns/dcat#"
                     xmlns:foaf="http://xmlns.com/foaf/0.1/"
                     xmlns:vcard="http://www.w3.org/2006/vcard/ns#"
                     xmlns:skos="http://www.w3.org/2004/02/skos/core#"
                     xmlns:joinup="http://joinup.eu/ontology/">
              <dcat:Catalog rdf:about="\(x(collection.uri))">
                <dct:title xml:lang="en">\(x(collection.title))</dct:title>
                <joinup:alias>\(x(collection.alias))</joinup:alias>
                <dct:abstract xml:lang="en">\(x(FeedWriter.html(collection.abstract)))</dct:abstract>
                <dct:description xml:lang="en">\(x(FeedWriter.html(collection.description)))</dct:description>
                <dct:publisher rdf:nodeID="publisher"/>

            """
        for index in collection.contacts.indices {
            out += "    <dcat:contactPoint rdf:nodeID=\"contact\(index)\"/>\n"
        }
        for uri in collection.topicURIs {
            let property = uri.contains("/topic/category#") ? "dcat:theme" : "dct:subject"
            out += "    <\(property) rdf:resource=\"\(x(uri))\"/>\n"
        }
        for place in collection.spatial {
            out += "    <dct:spatial><dct:Location><skos:prefLabel xml:lang=\"en\">\(x(place))</skos:prefLabel></dct:Location></dct:spatial>\n"
        }
        for keyword in collection.keywords {
            out += "    <dcat:keyword xml:lang=\"en\">\(x(keyword))</dcat:keyword>\n"
        }
        out += """
                <joinup:closed>\(collection.isClosed)</joinup:closed>
                <joinup:content_creation>\(collection.contentCreation.rawValue)</joinup:content_creation>
                <joinup:moderation>\(collection.isModerated)</joinup:moderation>
                <joinup:workflow_state>\(x(collection.workflowState))</joinup:workflow_state>
                <dct:issued>\(WireFormat.iso8601(collection.created))</dct:issued>
                <dct:modified>\(WireFormat.iso8601(collection.modified))</dct:modified>
                <foaf:homepage rdf:resource="\(x(collection.pageURL))"/>
              </dcat:Catalog>
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
