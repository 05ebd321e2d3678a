import Foundation
import JoinupModel

/// Reads a collection's About metadata: Joinup's RDF/XML (DCAT-AP / ADMS-AP) export.
public enum CollectionRDFParser {
    /// Parses the RDF/XML of one collection into a `Collection`.
    ///
    /// The collection is the node whose `rdf:about` is a `http://data.europa.eu/w21/` URI and that has a
    /// `dct:title` (the first such node; other nodes are its publisher, contact points, locations).
    /// The page URL is `foaf:homepage` or `dcat:landingPage`; the alias is `joinup:alias`, else the
    /// page URL's last path segment. The feed and metadata URLs are derived from the page URL the way
    /// Joinup builds them (`<page>/feed.xml`, `<page>?_format=rdfxml`), since the RDF does not carry them.
    /// Joinup settings without a DCAT term are read from the `joinup:` namespace, with defaults when
    /// absent: `closed` false, `content_creation` members, `moderation` false, `workflow_state` validated.
    public static func parse(_ data: Data, resource: String = "collection.rdf") throws(FeedParseError) -> Collection {
        let graph = try RDFGraph(root: XMLNode.parse(data, resource: resource), resource: resource)
        let ns = XMLNamespace.self
        guard let node = graph.nodes.first(where: {
            ($0.attribute(ns.rdf, "about") ?? "").hasPrefix("http://data.europa.eu/w21/") && $0.child(ns.dct, "title") != nil
        }) ?? graph.nodes.first(where: { $0.attribute(ns.rdf, "about") != nil && $0.child(ns.dct, "title") != nil }) else {
            throw FeedParseError(resource: resource, reason: .unexpectedDocument(expected: "a collection description (a node with dct:title)"))
        }
        let context = "the collection"
        func fail(_ reason: FeedParseError.Reason) -> FeedParseError { FeedParseError(resource: resource, reason: reason) }
        func literal(_ namespace: String, _ local: String) -> String? {
            node.child(namespace, local).map(RDFGraph.literal(of:))
        }
        func date(_ local: String) throws(FeedParseError) -> Date? {
            guard let text = literal(ns.dct, local) else { return nil }
            guard let value = FeedDate.iso8601(text) ?? FeedDate.rfc822(text) else {
                throw fail(.invalidValue(field: "dct:\(local)", value: text, context: context))
            }
            return value
        }
        func flag(_ local: String, default fallback: Bool) throws(FeedParseError) -> Bool {
            guard let text = literal(ns.joinup, local) else { return fallback }
            switch text.lowercased() {
            case "true", "1", "yes": return true
            case "false", "0", "no": return false
            default: throw fail(.invalidValue(field: "joinup:\(local)", value: text, context: context))
            }
        }

        let uri = TerminalText.line(node.attribute(ns.rdf, "about")!)
        let title = TerminalText.line(literal(ns.dct, "title") ?? "")
        guard let created = try date("issued") else {
            throw fail(.missingField(field: "dct:issued", context: context))
        }
        let modified = try date("modified") ?? created
        let pageText = (node.child(ns.foaf, "homepage") ?? node.child(ns.dcat, "landingPage"))
            .flatMap(RDFGraph.reference(of:)) ?? literal(ns.foaf, "homepage") ?? ""
        guard !pageText.isEmpty else {
            throw fail(.missingField(field: "foaf:homepage or dcat:landingPage", context: context))
        }
        // The page is where the feed and metadata live: only an http(s) URL will do.
        guard let pageURL = WebLink.http(pageText) else {
            throw fail(.invalidValue(field: "foaf:homepage", value: pageText, context: context))
        }
        let alias = literal(ns.joinup, "alias").flatMap { $0.isEmpty ? nil : $0 }
            ?? pageURL.split(separator: "/").last.map(String.init) ?? ""

        let contentCreation: Collection.ContentCreation
        if let text = literal(ns.joinup, "content_creation") {
            guard let value = Collection.ContentCreation(rawValue: text) else {
                throw fail(.invalidValue(field: "joinup:content_creation", value: text, context: context))
            }
            contentCreation = value
        } else {
            contentCreation = .members
        }

        // The publisher may be a reference, an inline foaf:Agent, or (in some exports) a plain literal.
        let owner = node.child(ns.dct, "publisher").map { property in
            graph.object(of: property)?.child(ns.foaf, "name").map(RDFGraph.literal(of:)) ?? RDFGraph.literal(of: property)
        } ?? ""

        let contacts = node.children(ns.dcat, "contactPoint").compactMap { property -> Collection.Contact? in
            guard let kind = graph.object(of: property) else { return nil }
            func value(_ local: String) -> String? {
                guard let p = kind.child(ns.vcard, local) else { return nil }
                let raw = p.attribute(ns.rdf, "resource") ?? RDFGraph.literal(of: p)
                return raw.isEmpty ? nil : TerminalText.line(raw)
            }
            let email = value("hasEmail").map { $0.hasPrefix("mailto:") ? String($0.dropFirst(7)) : $0 }
            return Collection.Contact(name: value("fn") ?? email ?? "", email: email, url: value("hasURL").flatMap(WebLink.http))
        }

        var topicURIs: [String] = []
        for property in node.children.filter({ $0.name == XMLName(ns.dcat, "theme") || $0.name == XMLName(ns.dct, "subject") }) {
            if let topic = RDFGraph.reference(of: property).map(TerminalText.line), !topicURIs.contains(topic) { topicURIs.append(topic) }
        }

        let spatial = node.children(ns.dct, "spatial").compactMap { property -> String? in
            if let place = graph.object(of: property) {
                let label = place.child(ns.skos, "prefLabel") ?? place.child(ns.rdfs, "label")
                if let label { return TerminalText.line(RDFGraph.literal(of: label)) }
            }
            let text = RDFGraph.reference(of: property) ?? RDFGraph.literal(of: property)
            return text.isEmpty ? nil : TerminalText.line(text)
        }

        let keywords = node.children(ns.dcat, "keyword").map { TerminalText.line(RDFGraph.literal(of: $0)) }
            .filter { !$0.isEmpty }

        return Collection(
            uri: uri, alias: TerminalText.line(alias), title: title,
            abstract: TerminalText.block(HTMLText.plainText(literal(ns.dct, "abstract") ?? "")),
            description: TerminalText.block(HTMLText.plainText(literal(ns.dct, "description") ?? "")),
            owner: TerminalText.line(owner), contacts: contacts, topicURIs: topicURIs, spatial: spatial,
            keywords: keywords, isClosed: try flag("closed", default: false), contentCreation: contentCreation,
            isModerated: try flag("moderation", default: false),
            workflowState: TerminalText.line(literal(ns.joinup, "workflow_state") ?? "validated"),
            created: created, modified: modified, pageURL: pageURL,
            feedURL: feedURL(pageURL: pageURL), metadataURL: metadataURL(pageURL: pageURL))
    }

    /// The content feed of a collection page: `<page>/feed.xml`.
    public static func feedURL(pageURL: String) -> String {
        trimmedPage(pageURL) + "/feed.xml"
    }

    /// The RDF/XML metadata of a collection page: `<page>?_format=rdfxml`.
    public static func metadataURL(pageURL: String) -> String {
        trimmedPage(pageURL) + "?_format=rdfxml"
    }

    private static func trimmedPage(_ pageURL: String) -> String {
        var page = pageURL
        while page.hasSuffix("/") { page.removeLast() }
        return page
    }
}
