import JoinupStore

/// A centred box listing every binding of the key map, grouped by context, flowing into as
/// many columns as the screen needs and allows.
enum HelpOverlay {
    static let title = " Keys — ? or Esc to close "

    enum Line: Equatable {
        case heading(String)
        /// A binding's keys and what they do; a continuation line of keys has no description.
        case entry(keys: String, description: String)
        case gap

        var isHeading: Bool {
            if case .heading = self { true } else { false }
        }
    }

    /// One column of the box; keys are aligned within it.
    struct Column {
        var lines: [Line]

        var keyWidth: Int {
            lines.compactMap { if case .entry(let keys, _) = $0 { TextWidth.width(keys) } else { nil } }.max() ?? 0
        }

        var width: Int {
            let key = keyWidth
            return lines.map { line -> Int in
                switch line {
                case .heading(let title): TextWidth.width(title)
                case .entry(_, let description): key + 2 + TextWidth.width(description)
                case .gap: 0
                }
            }.max() ?? 0
        }
    }

    /// Where the box goes on a screen and what it holds: one computation for drawing and for the
    /// store's scroll limit.
    struct Geometry {
        var columns: [Column]
        var box: Rect
        var inner: Rect
        /// Lines of the tallest column.
        var tallest: Int
        var maxScroll: Int { max(0, tallest - inner.height) }
    }

    static func geometry(_ keyMap: KeyMap, in bounds: Rect) -> Geometry? {
        let lines = self.lines(keyMap.helpSections())
        let room = bounds.inset(left: 1, right: 1)
        // The fewest columns whose height fits; if none fits, the most that fit across.
        var columns = flow(lines, into: 1)
        for count in 1...3 {
            let candidate = flow(lines, into: count)
            guard boxWidth(candidate) <= room.width else { break }
            columns = candidate
            if (candidate.map(\.lines.count).max() ?? 0) + 2 <= room.height { break }
        }
        let width = min(boxWidth(columns), room.width)
        let height = min((columns.map(\.lines.count).max() ?? 0) + 2, room.height)
        guard width >= 2, height >= 2 else { return nil }
        let box = Rect(x: room.x + (room.width - width) / 2, y: room.y + (room.height - height) / 2,
                       width: width, height: height)
        return Geometry(columns: columns, box: box, inner: box.inset(left: 2, top: 1, right: 2, bottom: 1),
                        tallest: columns.map(\.lines.count).max() ?? 0)
    }

    static func render(_ keyMap: KeyMap, scroll: Int = 0, on surface: inout some Surface) {
        guard let geometry = geometry(keyMap, in: surface.bounds) else { return }
        let (columns, box, inner, tallest) = (geometry.columns, geometry.box, geometry.inner, geometry.tallest)
        BoxFrame.draw(box, title: title, on: &surface)
        // Too tall for the screen: all columns scroll together (↑/↓ in help), the frame says so.
        let offset = min(max(0, scroll), geometry.maxScroll)
        var x = inner.x
        for column in columns {
            guard x < inner.maxX else { break }
            let area = Rect(x: x, y: inner.y, width: min(column.width, inner.maxX - x), height: inner.height)
            draw(Column(lines: Array(column.lines.dropFirst(offset))), in: area, on: &surface)
            x += column.width + columnGap
        }
        if tallest > inner.height {
            let more = offset + inner.height < tallest ? " ↓ more: j/k " : " ↑ top: g "
            surface.put(more, x: box.maxX - 2 - TextWidth.width(more), y: box.maxY - 1, style: .helpKey)
        }
    }

    /// The sections as lines: a heading, its bindings, a gap before the next section.
    static func lines(_ sections: [HelpSection]) -> [Line] {
        var lines: [Line] = []
        for section in sections {
            if !lines.isEmpty { lines.append(.gap) }
            lines.append(.heading(section.title))
            for binding in section.bindings {
                for (index, keys) in keyRows(binding.keys.map(\.label)).enumerated() {
                    lines.append(.entry(keys: keys, description: index == 0 ? binding.description : ""))
                }
            }
        }
        return lines
    }

    /// Widest key column before a binding's keys go on to a second row: "Ctrl-D/Ctrl-F" in one
    /// row would widen every column past two across 60 columns.
    static let keyRowWidth = 11

    /// Blank columns between two columns of bindings (two keeps two columns within 60).
    static let columnGap = 2

    /// The keys joined by "/", broken into rows of at most `keyRowWidth` (a single longer key
    /// keeps its own row).
    static func keyRows(_ labels: [String]) -> [String] {
        var rows: [String] = []
        for label in labels {
            if let last = rows.last, TextWidth.width(last) + 1 + TextWidth.width(label) <= keyRowWidth {
                rows[rows.count - 1] = last + "/" + label
            } else {
                rows.append(label)
            }
        }
        return rows
    }

    /// Pours the lines into `count` columns of about equal height, like newspaper columns:
    /// a column never starts with a gap nor ends with a heading.
    static func flow(_ lines: [Line], into count: Int) -> [Column] {
        let target = max(1, (lines.count + count - 1) / count)
        var columns: [Column] = [Column(lines: [])]
        for line in lines {
            // The count only: a copy of the column's lines would make each append below copy them
            // all again (the help's layout was most of the first frame's drawing time).
            var filled = columns[columns.count - 1].lines.count
            let full = filled >= target || (filled == target - 1 && line.isHeading)
            if full && columns.count < count {
                columns.append(Column(lines: []))
                filled = 0
            }
            if line == .gap && filled == 0 { continue }
            columns[columns.count - 1].lines.append(line)
        }
        for index in columns.indices {
            while columns[index].lines.last == .gap { columns[index].lines.removeLast() }
        }
        return columns.filter { !$0.lines.isEmpty }
    }

    private static func boxWidth(_ columns: [Column]) -> Int {
        columns.reduce(0) { $0 + $1.width } + columnGap * max(0, columns.count - 1) + 4
    }

    private static func draw(_ column: Column, in area: Rect, on surface: inout some Surface) {
        let keyWidth = column.keyWidth
        for (row, line) in column.lines.enumerated() {
            switch line {
            case .heading(let title):
                surface.put(title, x: area.x, in: area, row: row, style: .detailLabel)
            case .entry(let keys, let description):
                let x = surface.put(TextWidth.pad(keys, to: keyWidth), x: area.x, in: area, row: row, style: .helpKey)
                surface.put(description, x: x + 2, in: area, row: row, style: .help)
            case .gap:
                break
            }
        }
    }
}
