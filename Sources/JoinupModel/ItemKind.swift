/// The content types a Joinup collection holds, in the order Joinup lists them (custom pages last:
/// the position is an item's kind number in stored filter indexes, so new kinds are appended).
public enum ItemKind: String, CaseIterable, Hashable, Sendable, Codable {
    case news
    case event
    case document
    case discussion
    case solution
    /// A collection's own page ("Custom page: …" in Joinup's feed).
    case customPage = "custom_page"

    /// Singular label, as on a content tile ("News", "Event").
    public var label: String {
        switch self {
        case .news: "News"
        case .event: "Event"
        case .document: "Document"
        case .discussion: "Discussion"
        case .solution: "Solution"
        case .customPage: "Custom page"
        }
    }

    /// Label with a count, as in the collection header ("7 News", "1 Event", "0 Solutions").
    public func counted(_ count: Int) -> String {
        switch self {
        case .news: "\(count) News"
        case .event: count == 1 ? "1 Event" : "\(count) Events"
        case .document: count == 1 ? "1 Document" : "\(count) Documents"
        case .discussion: count == 1 ? "1 Discussion" : "\(count) Discussions"
        case .solution: count == 1 ? "1 Solution" : "\(count) Solutions"
        case .customPage: count == 1 ? "1 Custom page" : "\(count) Custom pages"
        }
    }

    /// Reads Joinup's title prefix or category value ("News", "event", "Solution").
    public init?(label: String) {
        // Every item names its kind: a label with no space at either end (nearly all) skips
        // Foundation's trimming, which goes through NSString.
        let needsNoTrimming = label.utf8.first.map { $0 > 0x20 && $0 < 0x7F } == true
            && label.utf8.last.map { $0 > 0x20 && $0 < 0x7F } == true
        let key = (needsNoTrimming ? label : label.trimmingCharacters(in: .whitespaces)).lowercased()
        if let kind = ItemKind(rawValue: key) { self = kind; return }
        switch key {
        case "physical event", "online event": self = .event
        case "discussions": self = .discussion
        case "documents": self = .document
        case "solutions": self = .solution
        case "events": self = .event
        case "custom page", "custom pages", "custom-page", "custompage", "page": self = .customPage
        default: return nil
        }
    }
}
