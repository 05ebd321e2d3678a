import JoinupModel

/// Why a remote document (feed, RDF/XML, SKOS, members JSON) could not be read; names the resource.
///
/// Every parser in this module throws only this type, so callers can show `message` as is and tests
/// can compare reasons. A document that fails part way always throws: a partial result must never
/// reach the cache, where a "complete listing" with missing items would delete them.
public struct FeedParseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong, as data (the message is derived from it).
    public enum Reason: Hashable, Sendable {
        /// XMLParser stopped: libxml2's error code, the position and a short explanation.
        case malformedXML(line: Int, column: Int, code: Int, detail: String)
        /// The JSON is not valid or does not have the expected shape (`detail` names the path).
        case malformedJSON(detail: String)
        /// Well-formed, but not the kind of document expected (e.g. HTML instead of RSS).
        case unexpectedDocument(expected: String)
        /// A required value is absent; `context` says where ("item 3", "the collection").
        case missingField(field: String, context: String)
        /// A value could not be understood (a date, a flag, an enumeration).
        case invalidValue(field: String, value: String, context: String)
        /// A member entry (0-based index into `members`) carries a value the model does not know.
        case invalidMember(index: Int, field: String, value: String)
        /// The document goes past one of `FeedLimits` (`what` names the count or size).
        case overLimit(what: String, limit: Int)
    }

    /// The document being read, as a human would name it ("feed.xml", a URL).
    public var resource: String
    public var reason: Reason

    public init(resource: String, reason: Reason) {
        self.resource = resource
        self.reason = reason
    }

    /// One line for the status bar or a log.
    public var message: String {
        switch reason {
        case let .malformedXML(line, column, _, detail):
            "\(resource): malformed XML at line \(line), column \(column): \(detail)"
        case let .malformedJSON(detail):
            "\(resource): malformed JSON: \(detail)"
        case let .unexpectedDocument(expected):
            "\(resource): not \(expected)"
        case let .missingField(field, context):
            "\(resource): \(context) has no \(field)"
        case let .invalidValue(field, value, context):
            "\(resource): \(context) has an invalid \(field) \"\(Self.quoted(value))\""
        case let .invalidMember(index, field, value):
            "\(resource): members[\(index)] has an unknown \(field) \"\(Self.quoted(value))\""
        case let .overLimit(what, limit):
            "\(resource): more than \(limit) \(what), more than joinup accepts"
        }
    }

    /// A value from the document as shown in a message: one safe line, at most 60 characters.
    private static func quoted(_ value: String) -> String {
        let line = TerminalText.line(value)
        return line.count > 60 ? String(line.prefix(59)) + "…" : line
    }

    public var description: String { message }
}
