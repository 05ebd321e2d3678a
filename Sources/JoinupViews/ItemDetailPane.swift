import Foundation
import JoinupModel
import JoinupStore

/// An opened item: kind, title, author, dates, place, topics, link, then the body; scrolls as one text.
enum ItemDetailPane {
    static let labelWidth = 11

    static func render(_ detail: ItemDetail, scroll: Int, zone: TimeZone, in rect: Rect, on surface: inout some Surface) {
        ScrolledText.render(lines(for: detail, width: rect.width, zone: zone), scroll: scroll, in: rect, on: &surface)
    }

    /// The item laid out for `width` columns, its times in `zone` (the user's).
    static func lines(for detail: ItemDetail, width: Int, zone: TimeZone) -> TextBlock {
        let item = detail.item
        var block = TextBlock(width: width)
        block.line(Span(item.kind.label, .kindTag))
        for line in TextWidth.wrap(TerminalText.line(item.title), width: width) {
            block.line(Span(line, .detailTitle))
        }
        block.blank()
        let labels = width >= 36 ? labelWidth : 0
        block.field("Author", [item.author], labelWidth: labels, style: .listRow)
        block.field("Published", [JoinupDate.dayAndTime(item.published, in: zone)], labelWidth: labels, style: .listRow)
        if let start = item.eventStart {
            var when = JoinupDate.dayAndTime(start, in: zone)
            if let end = item.eventEnd {
                // A one-day event shows the day once: "21/11/2023 09:00 – 17:30".
                let sameDay = JoinupDate.day(end, in: zone) == JoinupDate.day(start, in: zone)
                when += " – " + (sameDay ? JoinupDate.clock(end, in: zone) : JoinupDate.dayAndTime(end, in: zone))
            }
            block.field("When", [when], labelWidth: labels, style: .listRow)
        }
        block.field("Where", [item.eventLocation ?? ""], labelWidth: labels, style: .listRow)
        block.field("Topics", [topicList(detail.topics)], labelWidth: labels, style: .topicTag)
        block.field("Link", [item.link], labelWidth: labels, style: .link)
        if !item.body.isEmpty {
            block.blank()
            block.paragraphs(item.body, style: .listRow)
            if item.body.hasSuffix(FeedSummary.mark) && !item.link.isEmpty {
                // Joinup's feed gives the first 200 characters only.
                block.blank()
                block.line(Span("The feed gives the beginning only; the full text is on Joinup: press o to open it.", .detailLabel))
            }
        }
        return block
    }

    /// "▸ ICT · Open Source Software": topic labels, categories marked as in the facet list.
    static func topicList(_ topics: [Topic]) -> String {
        // A no-break space keeps the marker with its label when the list wraps.
        topics.map { ($0.isCategory ? "▸\u{A0}" : "") + TerminalText.line($0.label) }
            .joined(separator: " · ")
    }
}
