import Foundation
import JoinupModel

/// One bound value of a SPARQL result row (SPARQL 1.1 Query Results JSON Format).
public struct SPARQLTerm: Hashable, Sendable, Decodable {
    public enum Kind: String, Hashable, Sendable, Decodable {
        // Virtuoso says "typed-literal" for a literal with a datatype (the 2008 draft's spelling).
        case uri, literal, bnode, typedLiteral = "typed-literal"
    }

    public var kind: Kind
    public var value: String
    public var datatype: String?
    public var language: String?

    public init(kind: Kind, value: String, datatype: String? = nil, language: String? = nil) {
        self.kind = kind
        self.value = value
        self.datatype = datatype
        self.language = language
    }

    enum CodingKeys: String, CodingKey {
        case kind = "type", value, datatype, language = "xml:lang"
    }

    /// `xsd:boolean` read leniently: "true"/"1" (Joinup stores closed as 0/1).
    public var bool: Bool? {
        switch value.lowercased() {
        case "true", "1": true
        case "false", "0": false
        default: nil
        }
    }

    /// An `xsd:dateTime` (Joinup writes PHP's `c`, `2019-03-11T15:02:47+01:00`).
    public var date: Date? { FeedDate.iso8601(value) }
}

/// A result row: the bound variables by name (unbound ones are absent).
public typealias SPARQLRow = [String: SPARQLTerm]

/// Reads a `application/sparql-results+json` SELECT answer.
public enum SPARQLResultsParser {
    private struct Document: Decodable {
        struct Head: Decodable { var vars: [String]? }
        struct Results: Decodable { var bindings: [SPARQLRow] }
        var head: Head?
        var results: Results
    }

    public static func parse(_ data: Data, resource: String) throws(FeedParseError) -> [SPARQLRow] {
        do {
            return try JSONDecoder().decode(Document.self, from: data).results.bindings
        } catch {
            throw FeedParseError(resource: resource, reason: .malformedJSON(detail: Self.detail(error)))
        }
    }

    private static func detail(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "not JSON" }
        switch error {
        case .dataCorrupted: return "not JSON"
        case .keyNotFound(let key, _): return "no \"\(key.stringValue)\" in a SPARQL results document"
        case .typeMismatch, .valueNotFound: return "not a SPARQL results document"
        @unknown default: return "not a SPARQL results document"
        }
    }
}
