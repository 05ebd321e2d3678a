/// A grid of styled cells that views draw onto: the terminal in production, memory in tests.
///
/// Contract for every surface: `put` places text by display columns (`DisplayCell`), clips at
/// the surface edge, never wraps and never writes outside; a wide character that would straddle
/// an edge becomes a space; scalars `TerminalText.isAllowed` rejects are dropped.
public protocol Surface {
    var width: Int { get }
    var height: Int { get }

    /// Draws one line of text starting at column `x` of row `y`; returns the column after it.
    @discardableResult
    mutating func put(_ text: String, x: Int, y: Int, style: Style) -> Int

    /// Draws text cut (with "…") to at most `maxWidth` columns. A requirement (the extension
    /// below is the implementation) so a test surface sees the text before it is cut and filtered.
    @discardableResult
    mutating func put(_ text: String, x: Int, y: Int, maxWidth: Int, style: Style) -> Int

    /// Paints the cells of `rect` (clipped to the surface) as spaces in `style`.
    mutating func fill(_ rect: Rect, style: Style)

    /// Blanks the whole surface.
    mutating func clear()
}

extension Surface {
    /// The whole surface as a rectangle.
    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// Draws text cut (with "…") to at most `maxWidth` columns.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, maxWidth: Int, style: Style) -> Int {
        guard maxWidth > 0 else { return x }
        return put(TextWidth.truncate(text, to: maxWidth), x: x, y: y, style: style)
    }

    /// Draws text inside one row of `rect`, cut with "…" at its right edge; nothing outside it.
    @discardableResult
    public mutating func put(_ text: String, x: Int, in rect: Rect, row dy: Int, style: Style) -> Int {
        guard dy >= 0, dy < rect.height, x >= rect.x, x < rect.maxX else { return x }
        return put(text, x: x, y: rect.y + dy, maxWidth: rect.maxX - x, style: style)
    }
}
