/// Why a search-line query could not be read, and where.
public struct QueryError: Error, Equatable, Sendable, CustomStringConvertible {
    /// 1-based, counted in Characters: where the offending term (including a leading `-`) or
    /// quote starts. Always within `1...query.count + 1`.
    public var column: Int
    /// One line for the status bar, e.g. `unterminated quote`.
    public var message: String

    public init(column: Int, message: String) {
        self.column = column
        self.message = message
    }

    /// The query on one line and a caret under the offending column with the message:
    ///
    ///     topic:"ICT security type:event
    ///           ^ unterminated quote
    ///
    /// Whitespace in the query is shown as single spaces so the caret lines up by Character
    /// (a terminal that draws wide characters in two cells will see the caret drift).
    public func pointer(in query: String) -> String {
        let line = String(query.map { $0.isWhitespace ? " " : $0 })
        let at = min(max(column, 1), query.count + 1)
        return line + "\n" + String(repeating: " ", count: at - 1) + "^ " + message
    }

    public var description: String { "column \(column): \(message)" }
}
