import Foundation
import JoinupModel

/// Reads Joinup's topic vocabulary: SKOS concepts in RDF/XML.
public enum SKOSTopicParser {
    /// Parses every `skos:Concept` (element or `rdf:type`) into a `Topic`, in document order.
    ///
    /// The parent is `skos:broaderTransitive` (or `skos:broader`). A concept is a category when its URI
    /// is a `/topic/category#` URI, or when it has no parent and another concept names it as parent;
    /// everything else is a term. The label is the English `skos:prefLabel` (else one without a
    /// language, else the first). A concept without a label is an error, not a silent URI.
    public static func parse(_ data: Data, resource: String = "topics.rdf") throws(FeedParseError) -> [Topic] {
        let graph = try RDFGraph(root: XMLNode.parse(data, resource: resource), resource: resource)
        let ns = XMLNamespace.self
        let concepts = graph.nodes.filter { RDFGraph.node($0, hasType: ns.skos, "Concept") }

        var drafts: [(uri: String, label: String, parent: String?)] = []
        for (index, node) in concepts.enumerated() {
            guard let uri = node.attribute(ns.rdf, "about").map(TerminalText.line), !uri.isEmpty else {
                throw FeedParseError(resource: resource, reason: .missingField(field: "rdf:about", context: "concept \(index + 1)"))
            }
            let labels = node.children(ns.skos, "prefLabel")
            let english = labels.first { ($0.attribute(XMLNamespace.xml, "lang") ?? "").lowercased().hasPrefix("en") }
            let unmarked = labels.first { $0.attribute(XMLNamespace.xml, "lang") == nil }
            guard let labelNode = english ?? unmarked ?? labels.first else {
                throw FeedParseError(resource: resource, reason: .missingField(field: "skos:prefLabel", context: "concept <\(uri)>"))
            }
            let parent = (node.child(ns.skos, "broaderTransitive") ?? node.child(ns.skos, "broader"))
                .flatMap(RDFGraph.reference(of:)).map(TerminalText.line)
            drafts.append((uri, TerminalText.line(RDFGraph.literal(of: labelNode)), parent))
        }

        let parents = Set(drafts.compactMap(\.parent))
        return drafts.map { draft in
            let isCategory = draft.uri.contains("/topic/category#") || (draft.parent == nil && parents.contains(draft.uri))
            return Topic(uri: draft.uri, label: draft.label, parentURI: draft.parent,
                         level: isCategory ? .category : .term)
        }
    }
}
