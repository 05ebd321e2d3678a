import Foundation

/// A small in-memory XML element tree, for documents read as a whole (RDF/XML metadata, SKOS).
///
/// RDF/XML is a graph written as nested and cross-referenced elements; walking a tree is far simpler
/// than a state machine. The RSS feed, which can be large, is streamed instead.
struct XMLNode: Sendable {
    enum Content: Sendable {
        case text(String)
        case element(XMLNode)
    }

    var name: XMLName
    var attributes: [XMLName: String]
    var content: [Content] = []

    /// Child elements in document order.
    var children: [XMLNode] {
        content.compactMap { if case .element(let node) = $0 { node } else { nil } }
    }

    /// The element's own character data (not its descendants').
    var text: String {
        content.reduce(into: "") { result, part in if case .text(let s) = part { result += s } }
    }

    func children(_ namespace: String, _ local: String) -> [XMLNode] {
        children.filter { $0.name == XMLName(namespace, local) }
    }

    func child(_ namespace: String, _ local: String) -> XMLNode? {
        children.first { $0.name == XMLName(namespace, local) }
    }

    /// Child elements whose full IRI (namespace + local name) is `iri`, however the document
    /// split it into a prefix and a name.
    func children(iri: String) -> [XMLNode] {
        children.filter { $0.name.namespace.count + $0.name.local.count == iri.count && $0.name.namespace + $0.name.local == iri }
    }

    func child(iri: String) -> XMLNode? {
        children(iri: iri).first
    }

    /// The literal of the `iri` child in English when several languages are given, else the first.
    func englishLiteral(iri: String) -> String? {
        let values = children(iri: iri)
        let chosen = values.first { $0.attribute(XMLNamespace.xml, "lang")?.lowercased().hasPrefix("en") == true } ?? values.first
        return chosen.map(RDFGraph.literal(of:))
    }

    func attribute(_ namespace: String, _ local: String) -> String? {
        attributes[XMLName(namespace, local)]
    }

    /// The content re-serialised as markup, for `rdf:parseType="Literal"` values holding XHTML.
    var innerXML: String {
        content.reduce(into: "") { result, part in
            switch part {
            case .text(let s):
                result += s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            case .element(let node):
                result += "<\(node.name.local)>\(node.innerXML)</\(node.name.local)>"
            }
        }
    }

    /// Parses a whole document into its root element.
    static func parse(_ data: Data, resource: String) throws(FeedParseError) -> XMLNode {
        let builder = Builder()
        try XMLEventReader.read(data, resource: resource, into: builder)
        guard let root = builder.root else {
            throw FeedParseError(resource: resource, reason: .malformedXML(
                line: 1, column: 1, code: 4, detail: XMLEventReader.explain(code: 4)))
        }
        return root
    }

    private final class Builder: XMLEventHandler {
        var stack: [XMLNode] = []
        var root: XMLNode?
        let failure: FeedParseError.Reason? = nil

        func didStart(_ name: XMLName, attributes: [XMLName: String]) {
            stack.append(XMLNode(name: name, attributes: attributes))
        }

        func didEnd(_ name: XMLName) {
            guard let node = stack.popLast() else { return }
            if stack.isEmpty {
                root = node
            } else {
                stack[stack.count - 1].content.append(.element(node))
            }
        }

        func didFindText(_ text: String) {
            guard !stack.isEmpty else { return }
            // Merge adjacent text so `text` and literals are not fragmented at entity boundaries.
            if case .text(let previous)? = stack[stack.count - 1].content.last {
                stack[stack.count - 1].content[stack[stack.count - 1].content.count - 1] = .text(previous + text)
            } else {
                stack[stack.count - 1].content.append(.text(text))
            }
        }
    }
}

/// An RDF/XML document seen as nodes that can be followed through `rdf:resource` / `rdf:nodeID`.
struct RDFGraph: Sendable {
    /// The node elements directly under `rdf:RDF`, in document order.
    let nodes: [XMLNode]
    private let byAbout: [String: XMLNode]
    private let byNodeID: [String: XMLNode]

    init(root: XMLNode, resource: String) throws(FeedParseError) {
        guard root.name == XMLName(XMLNamespace.rdf, "RDF") else {
            throw FeedParseError(resource: resource, reason: .unexpectedDocument(expected: "an RDF/XML document (rdf:RDF)"))
        }
        nodes = root.children
        var about: [String: XMLNode] = [:]
        var ids: [String: XMLNode] = [:]
        func index(_ node: XMLNode) {
            if let uri = node.attribute(XMLNamespace.rdf, "about"), about[uri] == nil { about[uri] = node }
            if let id = node.attribute(XMLNamespace.rdf, "nodeID"), ids[id] == nil { ids[id] = node }
            // Nested node elements (property → node) can be referenced from elsewhere too.
            for property in node.children { for inner in property.children { index(inner) } }
        }
        for node in nodes { index(node) }
        byAbout = about
        byNodeID = ids
    }

    /// The node a property points at: by reference, or written inline inside the property.
    func object(of property: XMLNode) -> XMLNode? {
        if let uri = property.attribute(XMLNamespace.rdf, "resource") { return byAbout[uri] }
        if let id = property.attribute(XMLNamespace.rdf, "nodeID") { return byNodeID[id] }
        return property.children.first
    }

    /// The URI a property points at (`rdf:resource`, or the `rdf:about` of an inline node).
    static func reference(of property: XMLNode) -> String? {
        property.attribute(XMLNamespace.rdf, "resource")
            ?? property.children.first?.attribute(XMLNamespace.rdf, "about")
    }

    /// A property's literal value: XHTML for `rdf:parseType="Literal"`, else its text, trimmed.
    static func literal(of property: XMLNode) -> String {
        let raw = property.attribute(XMLNamespace.rdf, "parseType") == "Literal" ? property.innerXML : property.text
        return raw.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Whether a node has the type `iri`: its element name, or an `rdf:type` child.
    static func node(_ node: XMLNode, hasTypeIRI iri: String) -> Bool {
        if node.name.namespace + node.name.local == iri { return true }
        return node.children(XMLNamespace.rdf, "type").contains { $0.attribute(XMLNamespace.rdf, "resource") == iri }
    }

    /// Whether a node has a type: its element name, or an `rdf:type` child.
    static func node(_ node: XMLNode, hasType namespace: String, _ local: String) -> Bool {
        if node.name == XMLName(namespace, local) { return true }
        return node.children(XMLNamespace.rdf, "type").contains {
            $0.attribute(XMLNamespace.rdf, "resource") == namespace + local
        }
    }
}
