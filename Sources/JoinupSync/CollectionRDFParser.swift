import Foundation
import JoinupModel

/// Reads a collection's About metadata as Joinup publishes it: EasyRdf's RDF/XML serialisation of
/// the stored triples (`/collection/<alias>?_format=rdfxml`).
///
/// Every value is read by its full IRI, whatever prefix the document binds (EasyRdf binds `dc:` to
/// DC terms and invents `ns0:`, `ns1:`…). The fields and their predicates are Joinup's
/// (`../shared/REAL-JOINUP.md`, section 2, from joinup-dev's field storage configuration); unknown
/// predicates are ignored. Only a `dcat:Catalog` (or any node with a `dct:title`) and its title are
/// required: the rest has Joinup's defaults.
public enum CollectionRDFParser {
    /// The predicates read, by full IRI.
    enum Predicate {
        static let title = "http://purl.org/dc/terms/title"
        static let description = "http://purl.org/dc/terms/description"
        static let abstract = "http://purl.org/dc/terms/abstract"
        static let issued = "http://purl.org/dc/terms/issued"
        static let modified = "http://purl.org/dc/terms/modified"
        static let alternative = "http://purl.org/dc/terms/alternative"
        static let closed = "http://purl.org/dc/terms/RightsStatement"
        static let contentCreation = "http://joinup.eu/collection/content_creation"
        static let moderation = "http://joinup.eu/collection/moderation"
        static let workflowStatus = "http://joinup.eu/ar/workflow_status"
        static let topic = "http://joinup.eu/vocabulary/topic"
        static let spatial = "http://purl.org/dc/terms/spatial"
        static let keyword = "http://www.w3.org/ns/dcat#keyword"
        static let dataset = "http://www.w3.org/ns/dcat#dataset"
        static let publisher = "http://purl.org/dc/terms/publisher"
        static let contactPoint = "http://www.w3.org/ns/dcat#contactPoint"
        static let accessURL = "http://xmlns.com/foaf/spec/#term_homepage"
        static let catalog = "http://www.w3.org/ns/dcat#Catalog"
        static let foafName = "http://xmlns.com/foaf/0.1/name"
        static let vcardName = "http://www.w3.org/2006/vcard/ns#fn"
        static let vcardEmail = "http://www.w3.org/2006/vcard/ns#hasEmail"
        static let vcardURL = "http://www.w3.org/2006/vcard/ns#hasURL"
        static let prefLabel = "http://www.w3.org/2004/02/skos/core#prefLabel"
        static let label = "http://www.w3.org/2000/01/rdf-schema#label"
    }

    /// Parses the RDF/XML of one collection into a `Collection`.
    ///
    /// The page, feed and metadata URLs are left empty: they are where the document came from
    /// (`SyncEngine` fills them from the remote's layout), not something the triples say.
    public static func parse(_ data: Data, resource: String = "collection.rdf") throws(FeedParseError) -> Collection {
        let graph = try RDFGraph(root: XMLNode.parse(data, resource: resource), resource: resource)
        let P = Predicate.self
        guard let node = graph.nodes.first(where: { RDFGraph.node($0, hasTypeIRI: P.catalog) && $0.child(iri: P.title) != nil })
            ?? graph.nodes.first(where: { $0.attribute(XMLNamespace.rdf, "about") != nil && $0.child(iri: P.title) != nil }) else {
            throw FeedParseError(resource: resource, reason: .unexpectedDocument(expected: "a collection description (a dcat:Catalog with dct:title)"))
        }
        let context = "the collection"
        func fail(_ reason: FeedParseError.Reason) -> FeedParseError { FeedParseError(resource: resource, reason: reason) }
        func literal(_ iri: String) -> String? { node.englishLiteral(iri: iri) }
        func date(_ iri: String, _ name: String) throws(FeedParseError) -> Date? {
            guard let text = literal(iri), !text.isEmpty else { return nil }
            guard let value = FeedDate.iso8601(text) ?? FeedDate.rfc822(text) else {
                throw fail(.invalidValue(field: name, value: text, context: context))
            }
            return value
        }
        func flag(_ iri: String, _ name: String) throws(FeedParseError) -> Bool? {
            guard let text = literal(iri) else { return nil }
            switch text.lowercased() {
            case "true", "1": return true
            case "false", "0", "": return false
            default: throw fail(.invalidValue(field: name, value: text, context: context))
            }
        }
        func references(_ iri: String) -> [String] {
            var seen: [String] = []
            for property in node.children(iri: iri) {
                if let uri = RDFGraph.reference(of: property).map(TerminalText.line), !uri.isEmpty, !seen.contains(uri) {
                    seen.append(uri)
                }
            }
            return seen
        }

        let uri = TerminalText.line(node.attribute(XMLNamespace.rdf, "about") ?? "")
        let title = TerminalText.line(literal(P.title) ?? "")
        let issued = try date(P.issued, "dct:issued")
        let changed = try date(P.modified, "dct:modified")
        let created = issued ?? changed ?? Date(timeIntervalSince1970: 0)
        let modified = changed ?? created

        let contentCreation: Collection.ContentCreation
        if let text = literal(P.contentCreation), !text.isEmpty {
            guard let value = Collection.ContentCreation(rawValue: text) else {
                throw fail(.invalidValue(field: "content_creation", value: text, context: context))
            }
            contentCreation = value
        } else {
            contentCreation = .onlyMembers
        }

        // The owner is a reference to a foaf:Agent (in another graph); its name is here only when
        // the document embeds that node.
        let owner = node.child(iri: P.publisher).map { property in
            graph.object(of: property)?.child(iri: P.foafName).map(RDFGraph.literal(of:))
                ?? (property.attribute(XMLNamespace.rdf, "resource") == nil ? RDFGraph.literal(of: property) : "")
        } ?? ""

        let contacts = node.children(iri: P.contactPoint).compactMap { property -> Collection.Contact? in
            guard let kind = graph.object(of: property) else { return nil }
            func value(_ iri: String) -> String? {
                guard let p = kind.child(iri: iri) else { return nil }
                let raw = p.attribute(XMLNamespace.rdf, "resource") ?? RDFGraph.literal(of: p)
                return raw.isEmpty ? nil : TerminalText.line(raw)
            }
            let email = value(P.vcardEmail).map { $0.hasPrefix("mailto:") ? String($0.dropFirst(7)) : $0 }
            return Collection.Contact(name: value(P.vcardName) ?? email ?? "", email: email, url: value(P.vcardURL).flatMap(WebLink.http))
        }

        let spatial = node.children(iri: P.spatial).compactMap { property -> String? in
            if let place = graph.object(of: property), let label = place.child(iri: P.prefLabel) ?? place.child(iri: P.label) {
                return TerminalText.line(RDFGraph.literal(of: label))
            }
            let text = RDFGraph.reference(of: property) ?? RDFGraph.literal(of: property)
            guard !text.isEmpty else { return nil }
            return TerminalText.line(CountryNames.label(for: text) ?? text)
        }

        let keywords = node.children(iri: P.keyword).map { TerminalText.line(RDFGraph.literal(of: $0)) }.filter { !$0.isEmpty }
        let alias = TerminalText.line(literal(P.alternative) ?? "")
        let datasets = references(P.dataset)

        return Collection(
            uri: uri, alias: alias, title: title,
            abstract: TerminalText.block(HTMLText.plainText(literal(P.abstract) ?? "")),
            description: TerminalText.block(HTMLText.plainText(literal(P.description) ?? "")),
            owner: TerminalText.line(owner), contacts: contacts, topicURIs: references(P.topic), spatial: spatial,
            keywords: keywords, isClosed: try flag(P.closed, "dct:RightsStatement") ?? false, contentCreation: contentCreation,
            isModerated: try flag(P.moderation, "moderation") ?? false,
            workflowState: TerminalText.line(literal(P.workflowStatus).flatMap { $0.isEmpty ? nil : $0 } ?? "validated"),
            solutionCount: node.children(iri: P.dataset).isEmpty ? nil : datasets.count,
            created: created, modified: modified, pageURL: "", feedURL: "", metadataURL: "")
    }
}

/// English names of the EU Publications Office's country codes, for `dct:spatial` references a
/// remote sends without a label (Joinup's metadata holds only the URI).
public enum CountryNames {
    /// The name for `http://publications.europa.eu/resource/authority/country/<code>` (or a bare code).
    public static func label(for reference: String) -> String? {
        let code = reference.split(separator: "/").last.map(String.init) ?? reference
        return table[code.uppercased()]
    }

    private static let table: [String: String] = {
        let text = String(decoding: PackageResources.countries_tsv, as: UTF8.self)
        var names: [String: String] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: "\t", maxSplits: 1)
            if parts.count == 2 { names[String(parts[0])] = String(parts[1]) }
        }
        return names
    }()
}
