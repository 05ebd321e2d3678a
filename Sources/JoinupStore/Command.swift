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
    /// Join the open collection (delivery arrives with sign-in; for now it says how to join).
    case join
    /// Sync every collection from the configured remote, in the background.
    case sync
    /// Open or close the collections picker.
    case toggleCollectionPicker
    case quit
}
