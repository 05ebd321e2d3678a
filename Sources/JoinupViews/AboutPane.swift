import Foundation
import JoinupCache
import JoinupModel
import JoinupStore

/// The About tab: the description, then the collection's metadata as labelled fields; scrolls as one text.
enum AboutPane {
    static let labelWidth = 23

    static func render(_ state: AppState, in rect: Rect, on surface: inout some Surface) {
        guard !rect.isEmpty else { return }
        guard let about = state.about.collection else {
            surface.put("Loading…", x: rect.x, in: rect, row: 0, style: .dim)
            return
        }
        let text = lines(for: about, topics: state.about.topics, header: state.header, directory: state.about.directory,
                         width: rect.width,
                         zone: state.timeZone)
        ScrolledText.render(text, scroll: state.about.scroll, in: rect, on: &surface)
    }

    /// The About text laid out for `width` columns.
    static func lines(for about: Collection, topics: [Topic], header: CollectionHeader?, directory: DirectoryAbout? = nil,
                      width: Int, zone: TimeZone) -> TextBlock {
        var block = TextBlock(width: width)
        // Labels sit in a column when there is room; on narrow screens they become headings.
        let labels = width >= 56 ? labelWidth : 0
        block.line(Span("Description", .detailLabel))
        block.paragraphs(about.description, style: .listRow, indent: 2)
        block.blank()
        // The metadata only references owner, contact point and countries; the directory names them.
        let owner = directory?.owner.map { [$0.name, $0.typeLabel ?? ""] } ?? [about.owner]
        block.field("Owner", owner, labelWidth: labels, style: .listRow)
        let contacts = directory?.contact.map { [$0.name, $0.email ?? "", $0.webPage ?? ""] }
            ?? about.contacts.flatMap { [$0.name, $0.email ?? "", $0.url ?? ""] }
        block.field("Contact information", contacts, labelWidth: labels, style: .listRow)
        block.field("Topics", [ItemDetailPane.topicList(topics)], labelWidth: labels, style: .topicTag)
        block.field("Geographical coverage", [countries(about, directory).joined(separator: ", ")], labelWidth: labels,
                    style: .listRow)
        block.field("Keywords", [about.keywords.joined(separator: ", ")], labelWidth: labels, style: .listRow)
        block.field("Access", [about.isClosed ? "Closed collection" : "Open collection"], labelWidth: labels, style: .listRow)
        block.field("Content creation", [about.contentCreation.label], labelWidth: labels, style: .listRow)
        block.field("Moderation", [about.isModerated ? "Moderated" : "Not moderated"], labelWidth: labels, style: .listRow)
        if about.workflowState != "validated" {
            // An archived (or not yet validated) collection says so, as Joinup's page does.
            block.field("State", [Collection.workflowLabel(about.workflowState)], labelWidth: labels, style: .listRow)
        }
        if let solutions = about.solutionCount {
            block.field("Solutions", [ItemKind.solution.counted(solutions)], labelWidth: labels, style: .listRow)
        }
        block.field("Created", [JoinupDate.lastUpdate(about.created, in: zone)], labelWidth: labels, style: .listRow)
        // The header's stamp includes the newest content, as on Joinup's page, in Joinup's (Brussels)
        // time: the one time not in the user's zone, so labelled here beside one that is.
        block.field("Last update", [JoinupDate.lastUpdate(header?.lastUpdate ?? about.modified) + " (Brussels)"],
                    labelWidth: labels, style: .listRow)
        block.field("RSS feed", [about.feedURL], labelWidth: labels, style: .link)
        block.field("Metadata", [about.metadataURL], labelWidth: labels, style: .link)
        return block
    }

    /// Country names: the directory's where it names them, else what the metadata gave.
    static func countries(_ about: Collection, _ directory: DirectoryAbout?) -> [String] {
        guard let directory, !directory.countries.isEmpty else { return about.spatial }
        return directory.countries.map { $0.name ?? $0.uri }
    }
}
