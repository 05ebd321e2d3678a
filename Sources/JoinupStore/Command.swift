/// A user intent, produced by the key map from a key press (or later a mouse click).
public enum Command: Hashable, Sendable {
    case moveUp
    case moveDown
    case pageUp
    case pageDown
    case moveToTop
    case moveToBottom
    case open
    case back
    case nextTab
    case previousTab
    case showTab(Tab)
    case toggleHelp
    case quit
}
