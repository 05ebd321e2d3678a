/// A text taller than its place (the reader, About): the last line says where you are,
/// "↓ 12 more · 40%", or "End · 100%" at the bottom, so text below the fold is never a secret.
enum ScrolledText {
    /// Lines of text shown in `height` rows: one row less when the text does not fit.
    static func textRows(lineCount: Int, height: Int) -> Int {
        lineCount > height ? max(1, height - 1) : height
    }

    /// How far a text of `lineCount` lines scrolls in `height` rows.
    static func maxScroll(lineCount: Int, height: Int) -> Int {
        max(0, lineCount - textRows(lineCount: lineCount, height: height))
    }

    /// "↓ 12 more · 40%": lines below the screen and how much of the text has been on screen
    /// (as less and vim count it); nil when everything fits.
    static func position(lineCount: Int, height: Int, scroll: Int) -> String? {
        guard lineCount > height else { return nil }
        let rows = textRows(lineCount: lineCount, height: height)
        let first = min(max(0, scroll), maxScroll(lineCount: lineCount, height: height))
        let below = lineCount - first - rows
        let percent = (first + rows) * 100 / lineCount
        return below > 0 ? "↓ \(below) more · \(percent)%" : "End · 100%"
    }

    /// Draws `block` scrolled to `scroll` in `rect`, with its position line when it does not fit.
    static func render(_ block: TextBlock, scroll: Int, in rect: Rect, on surface: inout some Surface) {
        guard !rect.isEmpty else { return }
        let count = block.lines.count
        let rows = textRows(lineCount: count, height: rect.height)
        block.draw(on: &surface, in: Rect(x: rect.x, y: rect.y, width: rect.width, height: rows), scroll: scroll)
        guard let position = position(lineCount: count, height: rect.height, scroll: scroll) else { return }
        let width = min(TextWidth.width(position), rect.width)
        _ = surface.put(position, x: rect.maxX - width, y: rect.maxY - 1, maxWidth: width, style: .dim)
    }
}
