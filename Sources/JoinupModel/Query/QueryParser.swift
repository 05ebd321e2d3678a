import Foundation

/// Reads the search line's fielded query language:
///
///     open source topic:"Données ouvertes" -topic:ICT type:news type:event
///     after:2023-01 before:2024 author:Dupont is:upcoming
///
/// - Free text: bare words and "quoted phrases"; their words end up in `ParsedQuery.text`,
///   joined with single spaces (a phrase is not matched as a phrase; the cache matches words).
/// - `topic:` label or URI, repeatable; positive ones OR, `-topic:` excludes. Resolved against
///   the vocabulary later, by `ParsedQuery.filter(base:vocabulary:)`.
/// - `type:` news|event|document|discussion|solution (plurals and capitals too), repeatable = OR.
/// - `after:` / `before:` YYYY-MM-DD, YYYY-MM or YYYY: the start of that day, month or year in
///   Brussels; `after:` is inclusive, `before:` exclusive. Each at most once, and `after:` must
///   be earlier than `before:`.
/// - `author:` substring, at most once. `is:upcoming` / `is:past`, at most once, and
///   `is:unread` / `is:read`, at most once (the two kinds of `is:` combine).
///
/// Field names are case-insensitive. Only `topic:` can be negated: `-word` is an error (quote
/// it, `"-word"`, to search for the text). Values have their whitespace runs collapsed to single
/// spaces; an empty value is an error. Errors carry the column of the offending term or quote.
public enum QueryParser {
    public static func parse(_ text: String) throws(QueryError) -> ParsedQuery {
        var scanner = QueryScanner(text)
        var query = ParsedQuery()
        var words: [String] = []
        var after: (column: Int, value: String)?
        var before: (column: Int, value: String)?
        var authorSeen = false
        var timingSeen = false
        var readSeen = false

        while let term = try scanner.next() {
            let column = term.column
            func fail(_ message: String) -> QueryError { QueryError(column: column, message: message) }
            switch term.body {
            case .words(let phrase):
                if term.negated {
                    throw fail("only topic: can be negated (-topic:…); to search for a leading \"-\", quote the word")
                }
                words += phrase.split(whereSeparator: \.isWhitespace).map(String.init)
            case .field(let field, let raw):
                let name = field.rawValue
                let value = raw.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                if term.negated, field != .topic {
                    throw fail("only topic: can be negated, not \(name):")
                }
                if value.isEmpty { throw fail("\(name): needs a value") }
                switch field {
                case .topic:
                    query.topics.append(TopicTerm(term: value, negated: term.negated, column: column))
                case .type:
                    guard let kind = ItemKind(label: value) else {
                        throw fail("unknown type \(value); types are "
                                   + ItemKind.allCases.map(\.rawValue).joined(separator: ", "))
                    }
                    query.kinds.insert(kind)
                case .after, .before:
                    if (field == .after ? after : before) != nil {
                        throw fail("\(name): given twice; a query has one \(name): date")
                    }
                    guard let date = QueryDate.start(of: value) else {
                        throw fail("invalid date \(value); dates are YYYY-MM-DD, YYYY-MM or YYYY")
                    }
                    if field == .after {
                        after = (column, value)
                        query.after = date
                    } else {
                        before = (column, value)
                        query.before = date
                    }
                case .author:
                    if authorSeen { throw fail("author: given twice; a query has one author:") }
                    authorSeen = true
                    query.author = value
                case .is:
                    if let state = ReadState(rawValue: value.lowercased()) {
                        if readSeen { throw fail("is: given twice; a query has one is:unread or is:read") }
                        readSeen = true
                        query.readState = state
                        continue
                    }
                    if timingSeen { throw fail("is: given twice; a query has one is:upcoming or is:past") }
                    guard let timing = EventTiming(rawValue: value.lowercased()) else {
                        throw fail("is: takes upcoming, past, unread or read, not \(value)")
                    }
                    timingSeen = true
                    query.eventTiming = timing
                }
            }
        }
        if let after, let before, let since = query.after, let until = query.before, since >= until {
            throw QueryError(column: max(after.column, before.column),
                             message: "nothing is both after:\(after.value) and before:\(before.value)")
        }
        query.text = words.joined(separator: " ")
        return query
    }
}
