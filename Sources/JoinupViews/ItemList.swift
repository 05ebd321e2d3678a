import JoinupModel
import JoinupStore

/// The content list: a line of counts by kind, then one row per item (date, kind, title, topics).
enum ItemList {
    /// Column widths of a row: `date kind title  topics`, topics only when there is room.
    struct Columns: Equatable {
        static let dateWidth = 10
        var kind: Int
        var title: Int
        var topics: Int

        init(width: Int, kindWidth: Int) {
            kind = kindWidth
            let rest = width - Self.dateWidth - 1 - kindWidth - 1
            topics = width >= 64 ? min(40, max(20, width / 4)) : 0
            title = max(0, rest - (topics > 0 ? topics + 2 : 0))
        }
    }

    static func render(_ state: AppState, in rect: Rect, on surface: inout some Surface) {
        guard !rect.isEmpty else { return }
        let overview = state.overview
        let kinds = kindSummary(state)
        surface.put(kinds, x: rect.x, in: rect, row: 0, style: .kindTag)
        let total = "\(overview.itemCount) \(overview.itemCount == 1 ? "item" : "items")"
        let totalWidth = TextWidth.width(total)
        if totalWidth + 2 + TextWidth.width(kinds) <= rect.width {
            surface.put(total, x: rect.maxX - totalWidth, in: rect, row: 0, style: .dim)
        }
        if overview.itemCount == 0 {
            let message = state.header == nil ? "Loading…" : "No content."
            surface.put(message, x: rect.x, in: rect, row: 1, style: .dim)
            return
        }
        let columns = Columns(width: rect.width, kindWidth: kindWidth(state))
        for row in 0..<(rect.height - 1) {
            let index = overview.cursor.scrollTop + row
            guard index < overview.itemCount else { break }
            let selected = index == overview.cursor.selection
            let line = rect.row(row + 1)
            if selected {
                surface.fill(Rect(x: rect.x - 1, y: line.y, width: rect.width + 2, height: 1), style: .selectedRow)
            }
            drawRow(overview.window.row(at: index), columns: columns, selected: selected, in: line, on: &surface)
        }
    }

    private static func drawRow(_ item: ItemSummary?, columns: Columns, selected: Bool, in line: Rect,
                                on surface: inout some Surface) {
        func style(_ normal: Style) -> Style { selected ? .selectedRow : normal }
        guard let item else {
            // Not loaded yet: the runtime is fetching this window.
            surface.put("…", x: line.x, in: line, row: 0, style: style(.dim))
            return
        }
        var x = line.x
        x = surface.put(JoinupDate.day(item.listDate), x: x, in: line, row: 0, style: style(.dim)) + 1
        x = surface.put(TextWidth.pad(item.kind.label, to: columns.kind), x: x, in: line, row: 0, style: style(.kindTag)) + 1
        guard columns.title > 0 else { return }
        surface.put(TextWidth.pad(TerminalText.line(item.title), to: columns.title), x: x, in: line, row: 0,
                    style: style(.listRow))
        x += columns.title + 2
        if columns.topics > 0 {
            let topics = topicText(item.leadingTopics, more: item.moreTopicCount, width: columns.topics)
            surface.put(topics, x: x, in: line, row: 0, style: style(.topicTag))
        }
    }

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
        guard let first = labels.first else { return more > 0 ? TextWidth.truncate("+\(more) topics", to: width) : "" }
        let joined = labels.joined(separator: " · ")
        let rest = labels.count - 1 + more
        let candidates = [
            more > 0 ? "\(joined) +\(more) topics" : joined,
            more > 0 ? "\(joined) +\(more)" : joined,
            rest > 0 ? "\(first) +\(rest)" : first,
        ]
        if let fits = candidates.first(where: { TextWidth.width($0) <= width }) { return fits }
        let suffix = rest > 0 ? " +\(rest)" : ""
        return TextWidth.truncate(first, to: width - TextWidth.width(suffix)) + suffix
    }
}
