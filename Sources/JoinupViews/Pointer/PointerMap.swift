import JoinupStore

/// One mouse event in screen cells (0-based), as the terminal app decoded it.
public struct MouseEvent: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case click, wheelUp, wheelDown }
    public var kind: Kind
    public var x: Int
    public var y: Int

    public init(_ kind: Kind, x: Int, y: Int) {
        self.kind = kind
        self.x = x
        self.y = y
    }
}

/// Which commands a mouse event issues: a click goes to the frame's `PointerTargets` (measured
/// by the layout pass that drew it), the wheel scrolls whatever has focus.
public enum PointerMap {
    /// Lines one wheel notch scrolls.
    public static let wheelStep = 3

    /// The commands `event` issues on a frame whose targets are `targets`.
    public static func commands(for event: MouseEvent, targets: PointerTargets) -> [Command] {
        guard !targets.isTooSmall else { return [] }
        switch event.kind {
        case .wheelUp: return Array(repeating: .moveUp, count: wheelStep)
        case .wheelDown: return Array(repeating: .moveDown, count: wheelStep)
        case .click: return targets.command(atX: event.x, y: event.y).map { [$0] } ?? []
        }
    }

    /// The commands `event` issues on a `width` x `height` screen drawn from `state`.
    public static func commands(for event: MouseEvent, state: AppState, width: Int, height: Int) -> [Command] {
        commands(for: event, targets: ScreenLayout(width: width, height: height).pointerTargets(for: state))
    }
}
