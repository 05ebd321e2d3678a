import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An expanded XML name: namespace URI plus local name, so parsers never depend on a document's prefixes.
struct XMLName: Hashable, Sendable {
    let namespace: String
    let local: String

    init(_ namespace: String, _ local: String) {
        self.namespace = namespace
        self.local = local
    }
}

/// The namespaces the parsers of this module read.
enum XMLNamespace {
    static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    static let dc = "http://purl.org/dc/elements/1.1/"
    static let skos = "http://www.w3.org/2004/02/skos/core#"
    static let atom = "http://www.w3.org/2005/Atom"
    static let fh = "http://purl.org/syndication/history/1.0"
    static let ev = "http://purl.org/rss/1.0/modules/event/"
    static let content = "http://purl.org/rss/1.0/modules/content/"
    static let xml = "http://www.w3.org/XML/1998/namespace"
}

/// Receives namespace-resolved SAX events from `XMLEventReader`, synchronously on the calling thread.
protocol XMLEventHandler: AnyObject {
    func didStart(_ name: XMLName, attributes: [XMLName: String])
    func didEnd(_ name: XMLName)
    /// Character data, including CDATA sections (already decoded; may arrive in several pieces).
    func didFindText(_ text: String)
    /// A problem the handler found in well-formed XML; when set, the reader stops and throws it.
    var failure: FeedParseError.Reason? { get }
}

/// Runs FoundationXML's `XMLParser` over a body and turns every failure into a `FeedParseError`.
enum XMLEventReader {
    /// Parses `data`, feeding `handler`; throws on any XMLParser error or a handler failure.
    ///
    /// Reads through `InputStream` because `XMLParser(data:)` reports failure on bodies of 10 MB or more.
    /// External entities are never resolved (no network or file access from a document). A parse that
    /// fails part way throws even though the handler has seen earlier elements: callers must drop
    /// whatever the handler collected.
    static func read(_ data: Data, resource: String, into handler: some XMLEventHandler) throws(FeedParseError) {
        let parser = XMLParser(stream: InputStream(data: data))
        parser.shouldProcessNamespaces = true
        parser.shouldReportNamespacePrefixes = true
        parser.shouldResolveExternalEntities = false
        parser.externalEntityResolvingPolicy = .never
        let delegate = Delegate(handler: handler)
        parser.delegate = delegate
        let finished = parser.parse()
        if let failure = delegate.limitFailure ?? handler.failure {
            throw FeedParseError(resource: resource, reason: failure)
        }
        if let error = delegate.firstError {
            throw FeedParseError(resource: resource, reason: .malformedXML(
                line: error.line, column: error.column, code: error.code, detail: explain(code: error.code)))
        }
        if !finished {
            // parse() can fail without calling parseErrorOccurred (e.g. an empty body).
            let code = (parser.parserError as NSError?)?.code ?? -1
            throw FeedParseError(resource: resource, reason: .malformedXML(
                line: parser.lineNumber, column: parser.columnNumber, code: code, detail: explain(code: code)))
        }
    }

    /// libxml2's common error codes in words (XMLParser on Linux gives no message of its own).
    static func explain(code: Int) -> String {
        switch code {
        case 4, 5: "the document is empty or ends too early"
        case 9: "invalid character"
        case 26: "undeclared entity (HTML entities such as &nbsp; are only allowed inside CDATA)"
        case 38, 39, 40, 41: "malformed attribute"
        case 68: "invalid character in a name or entity reference"
        case 73: "expected '>'"
        case 76: "mismatched end tag"
        case 77: "unexpected end of the document"
        case 85: "unclosed element or extra content after the root element"
        case 89: "entity expansion limit exceeded"
        case 201, 202, 203: "undeclared namespace prefix"
        case 512: "parsing aborted"
        default: "XML error \(code)"
        }
    }

    /// Bridges XMLParser callbacks to a handler, resolving attribute prefixes to namespace URIs.
    private final class Delegate: NSObject, XMLParserDelegate {
        let handler: any XMLEventHandler
        /// prefix → stack of URIs, because inner elements may rebind a prefix.
        var prefixes: [String: [String]] = ["xml": [XMLNamespace.xml]]
        var firstError: (line: Int, column: Int, code: Int)?
        /// Set when the document passes a `FeedLimits` bound; parsing stops there.
        var limitFailure: FeedParseError.Reason?
        private var depth = 0
        /// UTF-8 bytes of character data since the last tag.
        private var textBytes = 0

        private func exceed(_ reason: FeedParseError.Reason, _ parser: XMLParser) {
            if limitFailure == nil { limitFailure = reason }
            parser.abortParsing()
        }

        init(handler: any XMLEventHandler) {
            self.handler = handler
        }

        func parser(_ parser: XMLParser, didStartMappingPrefix prefix: String, toURI namespaceURI: String) {
            prefixes[prefix, default: []].append(namespaceURI)
        }

        func parser(_ parser: XMLParser, didEndMappingPrefix prefix: String) {
            _ = prefixes[prefix]?.popLast()
        }

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
            guard firstError == nil, limitFailure == nil else { return }
            depth += 1
            textBytes = 0
            guard depth <= FeedLimits.elementDepth else {
                return exceed(.overLimit(what: "levels of nested elements", limit: FeedLimits.elementDepth), parser)
            }
            // XMLParser keys attributes by their qualified name as written ("rdf:about"); resolve the prefix.
            var attributes: [XMLName: String] = [:]
            for (qualified, value) in attributeDict {
                if qualified == "xmlns" || qualified.hasPrefix("xmlns:") { continue }
                if let colon = qualified.firstIndex(of: ":") {
                    let prefix = String(qualified[..<colon])
                    let local = String(qualified[qualified.index(after: colon)...])
                    attributes[XMLName(prefixes[prefix]?.last ?? prefix, local)] = value
                } else {
                    attributes[XMLName("", qualified)] = value
                }
            }
            handler.didStart(XMLName(namespaceURI ?? "", elementName), attributes: attributes)
            if handler.failure != nil { parser.abortParsing() }
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?) {
            guard firstError == nil, limitFailure == nil else { return }
            depth -= 1
            textBytes = 0
            handler.didEnd(XMLName(namespaceURI ?? "", elementName))
            if handler.failure != nil { parser.abortParsing() }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            guard firstError == nil, limitFailure == nil else { return }
            textBytes += string.utf8.count
            guard textBytes <= FeedLimits.textBytes else {
                return exceed(.overLimit(what: "bytes of text in one element", limit: FeedLimits.textBytes), parser)
            }
            handler.didFindText(string)
        }

        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
            guard firstError == nil, limitFailure == nil else { return }
            textBytes += CDATABlock.count
            guard textBytes <= FeedLimits.textBytes else {
                return exceed(.overLimit(what: "bytes of text in one element", limit: FeedLimits.textBytes), parser)
            }
            handler.didFindText(String(decoding: CDATABlock, as: UTF8.self))
        }

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
            // Keep the first error: libxml2 may report follow-on errors at later positions, and may
            // still deliver events after a fatal error; those are ignored so a handler cannot report
            // a misleading problem (e.g. "item has no pubDate") caused by the broken markup.
            if firstError == nil, handler.failure == nil, limitFailure == nil {
                firstError = (parser.lineNumber, parser.columnNumber, (parseError as NSError).code)
            }
        }
    }
}
