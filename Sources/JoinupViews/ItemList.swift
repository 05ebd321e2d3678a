import Foundation
import JoinupModel
import JoinupStore

/// The content list: a line of counts by kind, then a two-line tile per item (title; date, kind, topics).
enum ItemList {
    /// Screen lines per item: a tile's headline, then its topics, as on Joinup.
    static let linesPerItem = 2

    /// Items that fit in a list of `height` lines (one line goes to the counts by kind).
    static func visibleItems(height: Int) -> Int { max(1, (height - 1) / linesPerItem) }

    static func render(_ state: AppState, in rect: Rect, on surface: inout some Surface) {
        guard !rect.isEmpty else { return }
        let overview = state.overview
        let filters = FilterSummary.parts(state)
        // The first line: what is shown (counts by kind, or the active filters) and how many.
        let lead = filters.isEmpty ? kindSummary(state) : "Filtered: " + filters.joined(separator: " · ")
        var total = "\(overview.itemCount) \(overview.itemCount == 1 ? "item" : "items")"
        if overview.sort != .newest { total += " · \(overview.sort.label)" }
        let totalWidth = TextWidth.width(total)
        let leadWidth = max(0, rect.width - totalWidth - 2)
        surface.put(TextWidth.truncate(lead, to: leadWidth), x: rect.x, in: rect, row: 0,
                    style: filters.isEmpty ? .kindTag : .statusBusy)
        if totalWidth <= rect.width {
            surface.put(total, x: rect.maxX - totalWidth, in: rect, row: 0, style: .dim)
        }
        if overview.itemCount == 0 {
            let message: String
            if state.header == nil {
                message = "Loading…"
            } else if filters.isEmpty {
                message = "No content."
            } else {
                message = "No items match " + filters.joined(separator: ", ") + ". Press x to clear the filters."
            }
            for (index, line) in TextWidth.wrap(message, width: rect.width).prefix(max(0, rect.height - 2)).enumerated() {
                surface.put(line, x: rect.x, in: rect, row: 2 + index, style: .dim)
            }
            return
        }
        let kindWidth = kindWidth(state)
        for slot in 0..<visibleItems(height: rect.height) {
            let index = overview.cursor.scrollTop + slot
            guard index < overview.itemCount else { break }
            let top = 1 + slot * linesPerItem
            guard top < rect.height else { break }
            let selected = index == overview.cursor.selection
            let lines = min(linesPerItem, rect.height - top)
            let tile = Rect(x: rect.x, y: rect.y + top, width: rect.width, height: lines)
            if selected {
                surface.fill(Rect(x: rect.x - 1, y: tile.y, width: rect.width + 2, height: lines), style: .selectedRow)
            }
            drawTile(overview.window.row(at: index), kindWidth: kindWidth, selected: selected, lastOpened: overview.lastOpened,
                     highlight: SearchText.highlightWords(overview.filter.text), in: tile, on: &surface)
        }
    }

    /// The title on the whole first line (unread: "• " and the unread role); under it
    /// "21/11/2023 new Event  Collaboration · eGovernment +2 topics" ("new" when it arrived since the last opening).
    private static func drawTile(_ item: ItemSummary?, kindWidth: Int, selected: Bool, lastOpened: Date?, highlight: [String],
                                 in tile: Rect, on surface: inout some Surface) {
        func style(_ normal: Style) -> Style { selected ? .selectedRow : normal }
        guard let item else {
            // Not loaded yet: the runtime is fetching this window.
            surface.put("…", x: tile.x, in: tile, row: 0, style: style(.dim))
            return
        }
        // The mark is a character as well as a style, so unread never depends on colour alone.
        let mark = item.isRead ? "" : unreadMark
        let title = TextWidth.truncate(mark + TerminalText.line(item.title), to: tile.width)
        surface.put(title, x: tile.x, in: tile, row: 0, style: style(item.isRead ? .listRow : .unreadRow))
        // Search matches stand out: each word found at the start of a word of the title.
        for range in MatchHighlight.ranges(of: highlight, in: title) {
            let x = tile.x + TextWidth.width(title[title.startIndex..<range.lowerBound])
            surface.put(String(title[range]), x: x, in: tile, row: 0, style: .searchMatch)
        }
        guard tile.height > 1 else { return }
        var x = tile.x
        x = surface.put(JoinupDate.day(item.listDate), x: x, in: tile, row: 1, style: style(.dim)) + 1
        if item.isNew(since: lastOpened) { x = surface.put("new", x: x, in: tile, row: 1, style: style(.statusOK)) + 1 }
        x = surface.put(TextWidth.pad(item.kind.label, to: kindWidth), x: x, in: tile, row: 1, style: style(.kindTag)) + 2
        let topicsWidth = tile.maxX - x
        guard topicsWidth > 0 else { return }
        let topics = topicText(item.leadingTopics, more: item.moreTopicCount, width: topicsWidth)
        surface.put(topics, x: x, in: tile, row: 1, style: style(.topicTag))
    }

    /// What starts an unread item's title.
    static let unreadMark = "• "

    /// "7 News · 1 Event": the kinds the collection holds, in Joinup's order.
    static func kindSummary(_ state: AppState) -> String {
        guard let header = state.header else { return "" }
        let parts = ItemKind.allCases.filter { header.count(of: $0) > 0 }.map { $0.counted(header.count(of: $0)) }
        return parts.isEmpty ? "No content" : parts.joined(separator: " · ")
    }

    /// The width of the kind column: the longest label among the kinds present, so it stays put while scrolling.
    static func kindWidth(_ state: AppState) -> Int {
        var kinds = ItemKind.allCases.filter { (state.header?.count(of: $0) ?? 0) > 0 }
        if kinds.isEmpty { kinds = state.overview.window.rows.map(\.kind) }
        return max(4, kinds.map { TextWidth.width($0.label) }.max() ?? 4)
    }

    /// "Collaboration · eGovernment +2 topics", shortened step by step to fit `width`.
    static func topicText(_ leading: [String], more: Int, width: Int) -> String {
        let labels = leading.map { TerminalText.line($0) }.filter { !$0.isEmpty }
        let moreLabel = ItemSummary.moreTopicsLabel(more)
        guard let first = labels.first else { return moreLabel.map { TextWidth.truncate($0, to: width) } ?? "" }
        let joined = labels.joined(separator: " · ")
        let rest = labels.count - 1 + more
        let candidates = [
            moreLabel.map { "\(joined) \($0)" } ?? joined,
            more > 0 ? "\(joined) +\(more)" : joined,
            rest > 0 ? "\(first) +\(rest)" : first,
        ]
        if let fits = candidates.first(where: { TextWidth.width($0) <= width }) { return fits }
        let suffix = rest > 0 ? " +\(rest)" : ""
        return TextWidth.truncate(first, to: width - TextWidth.width(suffix)) + suffix
    }
}
