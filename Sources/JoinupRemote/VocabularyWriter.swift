import Foundation
import JoinupModel

/// Writes a topic vocabulary as SKOS RDF/XML, the format `SKOSTopicParser` reads.
public enum VocabularyWriter {
    public static func write(_ topics: [Topic]) -> Data {
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
                     xmlns:skos="http://www.w3.org/2004/02/skos/core#"
                     xmlns:dct="http://purl.org/dc/terms/">
              <skos:ConceptScheme rdf:about="http://joinup.eu/ontology/topic">
                <dct:title xml:lang="en">Joinup topics</dct:title>
              </skos:ConceptScheme>

            """
        for topic in topics {
            out += "  <skos:Concept rdf:about=\"\(WireFormat.xml(topic.uri))\">\n"
            out += "    <skos:prefLabel xml:lang=\"en\">\(WireFormat.xml(topic.label))</skos:prefLabel>\n"
            if let parent = topic.parentURI {
                out += "    <skos:broaderTransitive rdf:resource=\"\(WireFormat.xml(parent))\"/>\n"
            }
            out += "    <skos:inScheme rdf:resource=\"http://joinup.eu/ontology/topic\"/>\n"
            out += "  </skos:Concept>\n"
        }
        out += "</rdf:RDF>\n"
        return Data(out.utf8)
    }
}
