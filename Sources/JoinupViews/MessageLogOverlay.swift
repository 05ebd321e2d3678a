import Foundation
import JoinupModel
import JoinupStore

/// The message log (`M`): every message shown, newest first, whole and wrapped, each with the
/// local time it was shown; it scrolls when it does not fit.
enum MessageLogOverlay {
    static let title = " Messages, newest first (local time) — M or Esc to close "

    /// One screen line of the log: the time and mark on an entry's first line only.
    struct Line: Equatable {
        var time: String
        var mark: String
        var text: String
    }

    /// Where the box goes and what it holds: one computation for drawing and for the store's scroll limit.
    struct Geometry {
        var box: Rect
        var inner: Rect
        var lines: [Line]
        var maxScroll: Int { max(0, lines.count - inner.height) }
    }

    /// The box covers the tabs, leaving the header's first line and the status line visible.
    static func geometry(_ messages: Messages, in bounds: Rect) -> Geometry? {
        let box = bounds.inset(left: 1, top: 1, right: 1, bottom: 1)
        let inner = box.inset(left: 2, top: 1, right: 2, bottom: 1)
        guard inner.width > timeWidth + 4, inner.height > 0 else { return nil }
        return Geometry(box: box, inner: inner, lines: lines(messages.log, width: inner.width))
    }

    /// "14:02:05 ✗ Sync failed: …" with the text wrapped under itself.
    static func lines(_ log: [LoggedMessage], width: Int) -> [Line] {
        guard !log.isEmpty else { return [Line(time: "", mark: "", text: "No messages yet.")] }
        let textWidth = width - timeWidth - 1 - markWidth
        return log.flatMap { entry -> [Line] in
            let time = entry.shownAt.map(clockTime) ?? ""
            let wrapped = TextWidth.wrap(TerminalText.line(entry.message.text), width: textWidth)
            return wrapped.enumerated().map { index, text in
                index == 0 ? Line(time: time, mark: mark(entry.message.kind), text: text) : Line(time: "", mark: "", text: text)
            }
        }
    }

    static func render(_ messages: Messages, scroll: Int, on surface: inout some Surface) {
        guard let geometry = geometry(messages, in: surface.bounds) else { return }
        BoxFrame.draw(geometry.box, title: title, on: &surface)
        let offset = min(max(0, scroll), geometry.maxScroll)
        let inner = geometry.inner
        for (row, line) in geometry.lines.dropFirst(offset).prefix(inner.height).enumerated() {
            let x = surface.put(TextWidth.pad(line.time, to: timeWidth), x: inner.x, in: inner, row: row, style: .helpKey)
            let textX = surface.put(TextWidth.pad(line.mark, to: markWidth), x: x + 1, in: inner, row: row, style: .helpKey)
            surface.put(line.text, x: textX, in: inner, row: row, style: .help)
        }
        if geometry.maxScroll > 0 {
            let more = offset < geometry.maxScroll ? " ↓ more: j/k " : " ↑ top: g "
            surface.put(more, x: geometry.box.maxX - 2 - TextWidth.width(more), y: geometry.box.maxY - 1, style: .helpKey)
        }
    }

    /// "14:02:05", in the user's own time zone.
    static func clockTime(_ date: Date) -> String {
        let parts = Calendar.current.dateComponents([.hour, .minute, .second], from: date)
        return String(format: "%02d:%02d:%02d", parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
    }

    static let timeWidth = 8
    static let markWidth = 2

    /// A mark per kind, so the log reads without colour.
    static func mark(_ kind: StatusMessage.Kind) -> String {
        switch kind {
        case .info: "·"
        case .success: "✓"
        case .warning: "!"
        case .error: "✗"
        case .busy: "…"
        }
    }
}
