/// How `y` copies a link (config `clipboard`): OSC 52 asks the terminal to set its clipboard;
/// `off` only shows the link in the status line.
public enum ClipboardMode: String, Hashable, Sendable, CaseIterable {
    case osc52
    case off
}
