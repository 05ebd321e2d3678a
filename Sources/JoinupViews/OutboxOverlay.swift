import Foundation
import JoinupModel
import JoinupStore

/// The outbox overlay (`O`): the queued joins and leaves, oldest first (the order they are sent
/// in), each on two lines: the action, the collection and how long it has waited; then why the
/// last attempt did not deliver, whole when the screen is wide enough.
enum OutboxOverlayView {
    /// Screen lines per request.
    static let linesPerRequest = 2
    static let actionWidth = 7

    static func render(_ overlay: OutboxOverlay, account: AccountState, on surface: inout some Surface) {
        // The same box as the collections browser: the header's first line and the status line stay visible.
        let box = Rect(x: 1, y: 1, width: max(0, surface.width - 2), height: max(0, surface.height - 2))
        let inner = box.inset(left: 1, top: 1, right: 1, bottom: 1)
        guard inner.width >= 20, inner.height >= linesPerRequest else { return }
        let waiting = account.outbox
        BoxFrame.draw(box, title: " Outbox · \(MembershipWording.waiting(waiting.count)) ", on: &surface)
        let content = inner.inset(left: 1, right: 1)
        guard !waiting.isEmpty else {
            for (row, line) in TextWidth.wrap(emptyMessage, width: content.width).prefix(content.height).enumerated() {
                surface.put(line, x: content.x, in: content, row: row, style: .dim)
            }
            return
        }
        let rows = OutboxOverlay.rows(forHeight: surface.height)
        let top = min(overlay.cursor.scrollTop, max(0, waiting.count - rows))
        for slot in 0..<rows {
            let index = top + slot
            guard waiting.indices.contains(index) else { break }
            let action = waiting[index]
            let selected = index == overlay.cursor.selection
            let tile = Rect(x: content.x, y: content.y + slot * linesPerRequest, width: content.width, height: linesPerRequest)
            if selected { surface.fill(Rect(x: inner.x, y: tile.y, width: inner.width, height: tile.height), style: .selectedRow) }
            let age = account.outboxReadAt.map { Self.age(from: action.created, to: $0) } ?? ""
            let ageWidth = TextWidth.width(age)
            let kind = TextWidth.pad(action.kind == .join ? "Join" : "Leave", to: actionWidth)
            let x = surface.put(kind, x: tile.x, in: tile, row: 0, style: selected ? .selectedRow : .kindTag)
            let titleRoom = max(0, tile.maxX - x - ageWidth - 2)
            surface.put(TextWidth.truncate(TerminalText.line(action.collectionTitle), to: titleRoom), x: x, in: tile, row: 0,
                        style: selected ? .selectedRow : .listRow)
            surface.put(age, x: tile.maxX - ageWidth, in: tile, row: 0, style: selected ? .selectedRow : .dim)
            let error = action.lastError.map { "last error: " + TerminalText.line($0) } ?? "not tried yet"
            surface.put(TextWidth.truncate(error, to: max(0, tile.width - actionWidth)), x: tile.x + actionWidth, in: tile,
                        row: 1, style: selected ? .selectedRow : .dim)
        }
    }

    static let emptyMessage = "Nothing waits to be sent: a join or leave waits here while the remote cannot be reached or you are not signed in."

    /// "just now", "4 min ago", "3 h ago", "2 days ago": how long a request has waited.
    static func age(from created: Date, to now: Date) -> String {
        let seconds = max(0, Int(now.timeIntervalSince(created)))
        switch seconds {
        case ..<60: return "just now"
        case ..<3600: return "\(seconds / 60) min ago"
        case ..<86_400: return "\(seconds / 3600) h ago"
        default:
            let days = seconds / 86_400
            return "\(days) \(days == 1 ? "day" : "days") ago"
        }
    }
}
