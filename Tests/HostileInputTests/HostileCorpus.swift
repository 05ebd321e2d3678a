import Foundation
import JoinupCache
import JoinupModel
import JoinupSync
import JoinupTestSupport
import Testing

/// The remote resource a hostile document replaces, and where joinup-remote serves it.
enum HostileResource: String, Sendable {
    case feed, directory, metadata, topics, members

    /// Text only that resource's request target contains (for `--fault body=FILE,path=TEXT`).
    var pathPattern: String {
        switch self {
        case .feed: "/\(HostileCorpus.alias)/feed.xml"
        case .directory: "/collections.xml"
        case .metadata: "/\(HostileCorpus.alias)?_format=rdfxml"
        case .topics: "/ontology/topic"
        case .members: "/\(HostileCorpus.alias)/members"
        }
    }
}

/// The error a rejected document must produce, as the sync reports it.
enum ExpectedError: Sendable, CustomStringConvertible {
    case malformedXML
    case malformedJSON
    case unexpectedDocument
    case overLimit
    case missingField(String)
    case invalidValue(String)
    case invalidMember(String)
    /// The feed's paging points away from the remote.
    case offRemote

    func matches(_ error: SyncError) -> Bool {
        if case .offRemote = self, case let .transport(_, detail) = error { return detail.contains("leaves the remote") }
        guard case let .invalidDocument(parse) = error else { return false }
        switch (self, parse.reason) {
        case (.malformedXML, .malformedXML), (.malformedJSON, .malformedJSON),
             (.unexpectedDocument, .unexpectedDocument), (.overLimit, .overLimit): return true
        case let (.missingField(want), .missingField(field, _)): return field == want
        case let (.invalidValue(want), .invalidValue(field, _, _)): return field == want
        case let (.invalidMember(want), .invalidMember(_, field, _)): return field == want
        default: return false
        }
    }

    var description: String {
        switch self {
        case .malformedXML: "malformed XML"
        case .malformedJSON: "malformed JSON"
        case .unexpectedDocument: "not the expected document"
        case .overLimit: "over a FeedLimits bound"
        case .missingField(let f): "missing \(f)"
        case .invalidValue(let f): "invalid \(f)"
        case .invalidMember(let f): "unknown member \(f)"
        case .offRemote: "next page off the remote"
        }
    }
}

/// What must become of a document: refused with that error (the cache unchanged), stored once
/// sanitised (then `verify` checks what was stored), or stored without its one bad item, which is
/// reported with that error (the cached items unchanged).
enum HostileOutcome: Sendable {
    case rejected(ExpectedError)
    case skipped(ExpectedError)
    case stored(verify: @Sendable (StoredCollection) throws -> Void)
}

/// The synced collection, for checks on what a stored document left in the cache.
struct StoredCollection {
    let cache: CacheDatabase
    let uri: String
    /// Requests the hostile remote logged ("GET /target status").
    let requests: [String]

    func item(_ id: String) throws -> ItemDetail? { try cache.item(collectionURI: uri, id: id) }
}

/// One bad document of the corpus.
struct HostileDocument: Sendable, CustomTestStringConvertible {
    let name: String
    let resource: HostileResource
    let outcome: HostileOutcome
    /// Made at test time (big ones are never committed); `probe` is a URL on the serving remote
    /// that the document may try to make the client fetch.
    let make: @Sendable (_ probe: String) -> Data

    var testDescription: String { name }
}

/// At least 40 hostile or broken documents across every remote format, each with its outcome.
enum HostileCorpus {
    static let alias = "ec-open-source-programme-office"

    static func fixture(_ relative: String) -> String {
        (try? String(contentsOf: fixtureFolder.appendingPathComponent(relative), encoding: .utf8)) ?? ""
    }

    static let feed = fixture("\(alias)/feed.xml")
    static let metadata = fixture("\(alias)/collection.rdf")
    static let topics = fixture("topics.rdf")
    static let members = fixture("\(alias)/members.json")

    /// The fixture feed with one more item at the top.
    static func feed(with items: String...) -> String {
        feed.replacingOccurrences(of: "<fh:complete/>", with: "<fh:complete/>\n" + items.joined(separator: "\n"))
    }

    /// One RSS item; every argument is raw XML.
    static func item(title: String = "News: A hostile item", link: String? = "https://example.org/hostile",
                     body: String = "A body.", guid: String? = "hostile-1",
                     pubDate: String? = "Tue, 27 Jun 2023 10:00:00 +0200", creator: String = "Mallory",
                     extra: String = "") -> String {
        var xml = "<item><title>\(title)</title>"
        if let link { xml += "<link>\(link)</link>" }
        // The body as HTML in content:encoded (joinup-remote's extension), where entities are decoded
        // a second time; Joinup's plain-text description holds the same raw text.
        xml += "<description>\(body)</description><content:encoded>\(body)</content:encoded>"
        if let pubDate { xml += "<pubDate>\(pubDate)</pubDate>" }
        xml += "<dc:creator>\(creator)</dc:creator>"
        if let guid { xml += "<guid isPermaLink=\"false\">\(guid)</guid>" }
        return xml + extra + "</item>"
    }

    static func data(_ text: String) -> Data { Data(text.utf8) }

    /// `count` levels of `<name>` nesting.
    static func nested(_ name: String, _ count: Int) -> String {
        String(repeating: "<\(name)>", count: count) + String(repeating: "</\(name)>", count: count)
    }

    static let billionLaughs = """
        <!DOCTYPE rss [
          <!ENTITY lol "lol">
          <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
          <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
          <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
          <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
          <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
          <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
          <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
          <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
          <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
        ]>
        """

    /// A document with `doctype` inserted after its XML declaration.
    static func withDoctype(_ document: String, _ doctype: String) -> String {
        guard let end = document.range(of: "?>") else { return doctype + document }
        return document.replacingCharacters(in: end.upperBound..<end.upperBound, with: "\n" + doctype)
    }

    /// Terminal attacks that XML can carry as character data (C1 controls are legal XML characters).
    static let c1CSI = "\u{9B}31m\u{9B}2J"
    static let c1OSC52 = "\u{9D}52;c;ZXZpbA==\u{9C}"
    static let c1DCS = "\u{90}q#0;2;0;0;0\u{9C}"
    static let bidi = "\u{202E}gpj.exe\u{202C} \u{2066}isolated\u{2069} \u{2067}rtl\u{2069} \u{2068}first\u{2069}"
    static let zeroWidth = "zero\u{200B}width\u{FEFF}nobreak\u{200D}joiner"
    /// Escapes that only arrive through HTML entities inside CDATA (XML itself forbids C0 controls).
    static let entityCSI = "&#27;[2J&#27;[H&#x1b;[6n&#27;[21t"
    static let entityOSC52 = "&#x1b;]52;c;ZXZpbA==&#x07;"
    static let entityOSC8 = "&#27;]8;;file:///etc/passwd&#27;\\\\click me&#27;]8;;&#27;\\\\"
    static let entityBellBackspace = "Safe&#8;&#8;&#8;&#8;EVIL&#7;&#127;"

    static let all: [HostileDocument] = feedDocuments + directoryDocuments + metadataDocuments + topicDocuments + memberDocuments
}

// MARK: - Checks shared by stored documents

/// The hostile item's stored title, link and body (the item must exist).
func hostileItem(_ stored: StoredCollection, id: String = "hostile-1") throws -> ItemDetail {
    try #require(try stored.item(id))
}
