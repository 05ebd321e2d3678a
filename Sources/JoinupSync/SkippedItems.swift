/// Feed items a sync left out because a value they need could not be read (no id, no date, a date
/// that is not one): counted by reason so the sync says so ("3 items skipped (invalid date)").
///
/// One bad item does not refuse a collection (a million-item feed would become unsyncable for one
/// field); a broken document, a limit passed or a link off the remote still does (docs/SECURITY.md).
public struct SkippedItems: Hashable, Sendable {
    /// How many items were skipped for each reason ("invalid date", "no date", "no guid or link").
    public private(set) var counts: [String: Int] = [:]
    /// The first skip in full (which document, which item, which value), for a log line.
    public private(set) var first: FeedParseError?
    /// The ids of the skipped items that had one: a complete listing keeps their cached copies.
    public private(set) var ids: Set<String> = []

    public init() {}

    /// How many items were skipped, for every reason.
    public var total: Int { counts.values.reduce(0, +) }
    public var isEmpty: Bool { counts.isEmpty }

    public mutating func record(_ error: FeedParseError, id: String?) {
        counts[Self.label(error.reason), default: 0] += 1
        if first == nil { first = error }
        if let id { ids.insert(id) }
    }

    /// Adds the skips of another page of the same feed.
    public mutating func merge(_ other: SkippedItems) {
        counts.merge(other.counts, uniquingKeysWith: +)
        if first == nil { first = other.first }
        ids.formUnion(other.ids)
    }

    /// "1 item skipped (invalid date)", "4 items skipped (3 invalid date, 1 no guid or link)".
    public var summary: String {
        let total = total
        let noun = total == 1 ? "item" : "items"
        let reasons = counts.count == 1
            ? counts.keys.first!
            : counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                .map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        return "\(total) \(noun) skipped (\(reasons))"
    }

    /// The reason in a few words: every value an item is checked for is an id or a date.
    static func label(_ reason: FeedParseError.Reason) -> String {
        switch reason {
        case .missingField("pubDate", _): "no date"
        case let .missingField(field, _): "no \(field)"
        case .invalidValue: "invalid date"
        default: "unreadable"
        }
    }
}
