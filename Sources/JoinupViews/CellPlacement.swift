/// Where each cell of a text goes on a surface row: the placement rules all surfaces share.
struct CellPlacement {
    enum Content: Equatable {
        case cell(DisplayCell)
        /// A wide character cut by an edge is shown as a space.
        case blank
    }

    var x: Int
    var content: Content

    /// Places the cells of `text` from column `x` on a row `width` columns wide.
    static func place(_ text: String, x: Int, width: Int) -> (placements: [CellPlacement], end: Int) {
        var placements: [CellPlacement] = []
        var column = x
        for cell in DisplayCell.cells(of: text) {
            if column >= width { break }
            let end = column + cell.width
            if column >= 0 && end <= width {
                placements.append(CellPlacement(x: column, content: .cell(cell)))
            } else {
                // Straddles the left or right edge: blank the part that is on the surface.
                for c in max(0, column)..<min(width, end) {
                    placements.append(CellPlacement(x: c, content: .blank))
                }
            }
            column = end
        }
        return (placements, column)
    }
}
