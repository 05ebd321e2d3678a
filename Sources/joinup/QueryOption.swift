import JoinupModel

/// `--query`: joinup's query language, applied on top of the other filter options.
enum QueryHook {
    static func apply(_ text: String, to filter: ItemFilter, vocabulary: [Topic]) throws -> ItemFilter {
        do {
            return try QueryParser.parse(text).filter(base: filter, vocabulary: vocabulary)
        } catch {
            // The query and a caret under the offending column, below the one-line error.
            throw CommandFailure(message: "--query: \(error.description)\n  \(error.pointer(in: text).replacingOccurrences(of: "\n", with: "\n  "))")
        }
    }
}
