/// The field names the search line understands (`name:value`), matched case-insensitively.
enum QueryField: String, CaseIterable, Sendable {
    case topic
    case type
    case after
    case before
    case author
    case `is`

    init?(name: String) {
        self.init(rawValue: name.lowercased())
    }

    /// "topic, type, after, before, author, is", for error messages.
    static let list = allCases.map(\.rawValue).joined(separator: ", ")
}
