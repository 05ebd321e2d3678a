import JoinupCache
import JoinupModel

/// A link with what it is ("RSS feed"), as the About chooser lists it.
public struct LabelledLink: Hashable, Sendable {
    public var label: String
    public var url: String

    public init(label: String, url: String) {
        self.label = label
        self.url = url
    }
}

/// The About tab's link chooser (`o`): the collection's links, one of them under the cursor.
public struct LinkChooser: Hashable, Sendable {
    public var links: [LabelledLink]
    public var selection: Int

    public init(links: [LabelledLink], selection: Int = 0) {
        self.links = links
        self.selection = min(max(0, selection), max(0, links.count - 1))
    }

    /// The page, feed and metadata links, then the contacts' web pages: only http(s) links,
    /// each once (a contact's page is often the collection's own).
    public static func aboutLinks(_ about: Collection, directory: DirectoryAbout?) -> [LabelledLink] {
        var candidates = [
            LabelledLink(label: "Joinup page", url: about.pageURL),
            LabelledLink(label: "RSS feed", url: about.feedURL),
            LabelledLink(label: "Metadata", url: about.metadataURL),
        ]
        if let contact = directory?.contact {
            candidates.append(LabelledLink(label: "Contact: \(contact.name)", url: contact.webPage ?? ""))
        } else {
            candidates += about.contacts.map { LabelledLink(label: "Contact: \($0.name)", url: $0.url ?? "") }
        }
        var seen: Set<String> = []
        return candidates.compactMap { candidate in
            guard let url = WebLink.http(candidate.url), seen.insert(url).inserted else { return nil }
            return LabelledLink(label: TerminalText.line(candidate.label), url: url)
        }
    }
}
