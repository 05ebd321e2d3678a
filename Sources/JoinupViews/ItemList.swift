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
        // A list longer than the screen says where the cursor is in it ("12/5000").
        let scrolls = overview.itemCount > visibleItems(height: rect.height)
        var total = scrolls ? "\(overview.cursor.selection + 1)/\(overview.itemCount)"
            : "\(overview.itemCount) \(overview.itemCount == 1 ? "item" : "items")"
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
            let cursorStyle: Style? = selected ? .cursor(focused: state.focus == .itemList) : nil
            if let cursorStyle {
                surface.fill(Rect(x: rect.x - 1, y: tile.y, width: rect.width + 2, height: lines), style: cursorStyle)
            }
            drawTile(overview.window.row(at: index), kindWidth: kindWidth, cursor: cursorStyle, lastOpened: overview.lastOpened,
                     highlight: SearchText.highlightWords(overview.filter.text), in: tile, on: &surface)
        }
    }

    /// The title on the whole first line (unread: "• " and the unread role); under it
    /// "21/11/2023 new Event  Collaboration · eGovernment +2 topics" ("new" when it arrived since the last opening).
    private static func drawTile(_ item: ItemSummary?, kindWidth: Int, cursor: Style?, lastOpened: Date?, highlight: [String],
                                 in tile: Rect, on surface: inout some Surface) {
        func style(_ normal: Style) -> Style { cursor ?? normal }
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
        let topics = topicText(item.leadingTopics, categories: item.leadingTopicIsCategory, more: item.moreTopicCount,
                               width: topicsWidth)
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

    /// The topic column's width from which tiles spell out "+2 topics"; narrower ones say "+2".
    /// One rule for every row, so the form changes only when the width does.
    static let spelledOutMoreWidth = 40

    /// "Collaboration · ▸ eGovernment +2 topics", shortened step by step to fit `width`.
    /// Categories are marked "▸" as in the filter pane; "+N topics" or "+N" by `spelledOutMoreWidth`.
    static func topicText(_ leading: [String], categories: [Bool] = [], more: Int, width: Int) -> String {
        let labels = leading.indices.compactMap { index -> String? in
            let label = TerminalText.line(leading[index])
            guard !label.isEmpty else { return nil }
            let isCategory = index < categories.count && categories[index]
            return isCategory ? "\(FacetList.categoryMarker) \(label)" : label
        }
        let spelledOut = width >= spelledOutMoreWidth
        func suffix(_ count: Int) -> String {
            guard count > 0 else { return "" }
            return " " + (spelledOut ? ItemSummary.moreTopicsLabel(count) ?? "" : "+\(count)")
        }
        guard let first = labels.first else { return TextWidth.truncate(suffix(more).dropFirst(), to: width) }
        let rest = labels.count - 1 + more
        let candidates = [labels.joined(separator: " · ") + suffix(more), first + suffix(rest)]
        if let fits = candidates.first(where: { TextWidth.width($0) <= width }) { return fits }
        return TextWidth.truncate(first, to: width - TextWidth.width(suffix(rest))) + suffix(rest)
    }
}
