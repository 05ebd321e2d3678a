/// An in-memory surface for tests: a grid of cells that reads back as lines of text.
public struct MemorySurface: Surface {
    /// One cell of the grid. The right half of a wide character is a continuation cell
    /// with empty text, so a row's texts joined give exactly what a terminal shows.
    public struct Cell: Hashable, Sendable {
        public var text: String
        public var style: Style
        /// 2 for the left half of a wide character, 1 for a narrow one, 0 for a continuation.
        public var width: Int

        public static func blank(_ style: Style) -> Cell { Cell(text: " ", style: style, width: 1) }
    }

    public let width: Int
    public let height: Int
    public private(set) var rows: [[Cell]]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        rows = Array(repeating: Array(repeating: .blank(.normal), count: max(0, width)), count: max(0, height))
    }

    /// Each row as text with trailing spaces trimmed (a wide character appears once).
    public var lines: [String] {
        rows.map { row in
            var line = row.map(\.text).joined()
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }
    }

    /// All rows joined with newlines (each trimmed as in `lines`).
    public var text: String { lines.joined(separator: "\n") }

    /// The cell at a position, or nil outside the surface.
    public func cell(x: Int, y: Int) -> Cell? {
        guard y >= 0, y < height, x >= 0, x < width else { return nil }
        return rows[y][x]
    }

    /// The style of a cell, or nil outside the surface.
    public func style(x: Int, y: Int) -> Style? { cell(x: x, y: y)?.style }

    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style) -> Int {
        guard y >= 0, y < height else { return x + TextWidth.width(text) }
        let (placements, end) = CellPlacement.place(text, x: x, width: width)
        for placement in placements {
            switch placement.content {
            case .cell(let cell):
                set(Cell(text: cell.text, style: style, width: cell.width), x: placement.x, y: y)
            case .blank:
                set(.blank(style), x: placement.x, y: y)
            }
        }
        return end
    }

    public mutating func fill(_ rect: Rect, style: Style) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        for y in area.y..<area.maxY {
            for x in area.x..<area.maxX { set(.blank(style), x: x, y: y) }
        }
    }

    public mutating func clear() {
        fill(bounds, style: .normal)
    }

    /// Writes a cell, blanking the other half of any wide character it overwrites (as a terminal does).
    private mutating func set(_ cell: Cell, x: Int, y: Int) {
        let span = max(1, cell.width)
        for c in x..<min(width, x + span) {
            let old = rows[y][c]
            if old.width == 0, c > 0, c == x { rows[y][c - 1] = .blank(rows[y][c - 1].style) }
            if old.width == 2, c + 1 < width, c + 1 >= x + span { rows[y][c + 1] = .blank(rows[y][c + 1].style) }
        }
        rows[y][x] = cell
        if cell.width == 2, x + 1 < width {
            rows[y][x + 1] = Cell(text: "", style: cell.style, width: 0)
        }
    }
}
