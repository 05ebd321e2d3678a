import JoinupModel

/// A run of text drawn in one style.
public struct Span: Hashable, Sendable {
    public var text: String
    public var style: Style

    public init(_ text: String, _ style: Style) {
        self.text = text
        self.style = style
    }
}

/// Lines of styled text laid out for one width: what the scrolling panes (item, About) show.
/// The same lines are counted for the viewport's scroll limits and drawn, so they always agree.
struct TextBlock {
    let width: Int
    private(set) var lines: [[Span]] = []

    init(width: Int) {
        self.width = max(0, width)
    }

    mutating func blank() {
        lines.append([])
    }

    mutating func line(_ spans: Span...) {
        lines.append(spans)
    }

    /// Columns running text is wrapped at however wide the screen: longer lines are hard to read.
    static let readableWidth = 100

    /// Plain text (paragraphs separated by blank lines) wrapped to the block, but no wider than
    /// `readableWidth`, indented.
    mutating func paragraphs(_ text: String, style: Style, indent: Int = 0) {
        let pad = String(repeating: " ", count: indent)
        let body = TerminalText.block(text).trimmingNewlines()
        for line in TextWidth.wrap(body, width: min(width, Self.readableWidth) - indent) {
            lines.append(line.isEmpty ? [] : [Span(pad + line, style)])
        }
    }

    /// A label and its values. With `labelWidth > 0` the label sits in a column on the left
    /// and the values wrap beside it; with 0 the label is a heading and the values sit below it,
    /// indented by two columns.
    mutating func field(_ label: String, _ values: [String], labelWidth: Int, style: Style) {
        let values = values.map { TerminalText.line($0) }.filter { !$0.isEmpty }
        guard !values.isEmpty else { return }
        let indent = labelWidth > 0 ? labelWidth : 2
        var wrapped: [String] = []
        for value in values { wrapped += TextWidth.wrap(value, width: width - indent) }
        if labelWidth == 0 { lines.append([Span(label, .detailLabel)]) }
        for (index, text) in wrapped.enumerated() {
            if labelWidth > 0 && index == 0 {
                lines.append([Span(TextWidth.pad(label, to: labelWidth), .detailLabel), Span(text, style)])
            } else {
                lines.append([Span(String(repeating: " ", count: indent), style), Span(text, style)])
            }
        }
    }

    /// Draws the lines from `scroll` (clamped) into `rect`.
    func draw(on surface: inout some Surface, in rect: Rect, scroll: Int) {
        let first = min(max(0, scroll), max(0, lines.count - rect.height))
        for row in 0..<rect.height {
            let index = first + row
            guard index < lines.count else { break }
            var x = rect.x
            for span in lines[index] {
                guard x < rect.maxX else { break }
                x = surface.put(span.text, x: x, in: rect, row: row, style: span.style)
            }
        }
    }
}

extension String {
    /// The text without leading and trailing blank lines.
    func trimmingNewlines() -> String {
        var scalars = Substring(self)
        while scalars.first?.isNewline == true { scalars.removeFirst() }
        while scalars.last?.isNewline == true { scalars.removeLast() }
        return String(scalars)
    }
}
