/// One whitespace-separated term of a search line, before its meaning is checked.
struct QueryTerm: Equatable, Sendable {
    enum Body: Equatable, Sendable {
        /// A bare word or the inside of a "quoted phrase".
        case words(String)
        /// `field:value` or `field:"quoted value"` (the value as typed, possibly empty).
        case field(QueryField, value: String)
    }

    /// 1-based Character column where the term starts (at its `-` when negated).
    var column: Int
    var negated: Bool
    var body: Body
}

/// Splits a search line into terms, catching what is wrong with its shape: unterminated or
/// stray quotes, a lone `-`, unknown field names.
///
/// A term is `-`? followed by a "quoted phrase", `name:value`, `name:"quoted value"` or a bare
/// word. `name` is a run of letters; an unknown name is an error unless `://` follows it (a URL
/// pasted as free text). A bare run of letters, digits and symbols without a colon after its
/// leading letters (`10:30`, `e-government`, `:)`) is a word. Quotes only open at the start of a
/// term or value, have no escapes, and must be followed by whitespace or the end.
struct QueryScanner {
    private let chars: [Character]
    private var index = 0

    init(_ text: String) {
        chars = Array(text)
    }

    /// The next term, or nil at the end of the line.
    mutating func next() throws(QueryError) -> QueryTerm? {
        while index < chars.count, chars[index].isWhitespace { index += 1 }
        guard index < chars.count else { return nil }
        let start = index
        let column = start + 1
        var negated = false
        if chars[index] == "-" {
            negated = true
            index += 1
            if index == chars.count || chars[index].isWhitespace {
                throw QueryError(column: column,
                                 message: "a lone \"-\"; write -topic:… to leave a topic out, or \"-\" to search for it")
            }
        }
        if chars[index] == "\"" {
            return QueryTerm(column: column, negated: negated, body: .words(try quoted()))
        }
        var nameEnd = index
        while nameEnd < chars.count, chars[nameEnd].isLetter { nameEnd += 1 }
        if nameEnd > index, nameEnd < chars.count, chars[nameEnd] == ":" {
            let name = String(chars[index..<nameEnd])
            if let field = QueryField(name: name) {
                index = nameEnd + 1
                let value = index < chars.count && chars[index] == "\"" ? try quoted() : try bare()
                return QueryTerm(column: column, negated: negated, body: .field(field, value: value))
            }
            if !follows("://", at: nameEnd) {
                throw QueryError(column: column, message: "unknown field \(name); fields are \(QueryField.list)")
            }
        }
        return QueryTerm(column: column, negated: negated, body: .words(try bare()))
    }

    /// A quoted stretch starting at the current `"`; leaves the index after the closing quote.
    private mutating func quoted() throws(QueryError) -> String {
        let open = index
        guard let close = chars[(open + 1)...].firstIndex(of: "\"") else {
            throw QueryError(column: open + 1, message: "unterminated quote")
        }
        index = close + 1
        if index < chars.count, !chars[index].isWhitespace {
            throw QueryError(column: index + 1, message: "expected a space after the closing quote")
        }
        return String(chars[(open + 1)..<close])
    }

    /// Characters up to the next whitespace; a quote inside is an error.
    private mutating func bare() throws(QueryError) -> String {
        let start = index
        while index < chars.count, !chars[index].isWhitespace {
            if chars[index] == "\"" {
                throw QueryError(column: index + 1,
                                 message: "unexpected quote; quotes go around a whole word or value")
            }
            index += 1
        }
        return String(chars[start..<index])
    }

    private func follows(_ text: String, at position: Int) -> Bool {
        let wanted = Array(text)
        return position + wanted.count <= chars.count && Array(chars[position..<(position + wanted.count)]) == wanted
    }
}
