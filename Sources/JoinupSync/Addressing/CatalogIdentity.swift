import Foundation

/// Who a collection's RDF metadata says it is: the `dcat:Catalog` node's URI and title, read by
/// full IRI (EasyRdf's prefixes are arbitrary). Enough to route and list a collection without
/// reading the rest of the document.
public struct CatalogIdentity: Hashable, Sendable {
    public var uri: String
    /// The `dct:title`, English first; nil when the catalog has none.
    public var title: String?

    public init(uri: String, title: String?) {
        self.uri = uri
        self.title = title
    }

    /// The first `dcat:Catalog` with an `rdf:about` (a typed node element or an `rdf:type`), or nil
    /// when the document holds none.
    public static func read(_ data: Data, resource: String = "collection.rdf") throws(FeedParseError) -> CatalogIdentity? {
        let graph = try RDFGraph(root: try XMLNode.parse(data, resource: resource), resource: resource)
        let P = CollectionRDFParser.Predicate.self
        for node in graph.nodes where RDFGraph.node(node, hasTypeIRI: P.catalog) {
            guard let uri = node.attribute(XMLNamespace.rdf, "about"), !uri.isEmpty else { continue }
            let title = node.englishLiteral(iri: P.title).flatMap { $0.isEmpty ? nil : $0 }
            return CatalogIdentity(uri: uri, title: title)
        }
        return nil
    }
}
