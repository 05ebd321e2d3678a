import Foundation
import JoinupModel
import JoinupSettings
import JoinupStore

/// Copying a link with `y`: the OSC 52 sequence (pure) and what the status line says.
public enum Clipboard {
    /// The text put on the clipboard: the link as one sanitised line (nothing from the network
    /// can carry a control character into the sequence or the clipboard); nil when nothing is left.
    public static func copyableText(_ link: String) -> String? {
        let line = TerminalText.line(link).trimmingCharacters(in: .whitespaces)
        guard !line.isEmpty, !line.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) })
        else { return nil }
        return line
    }

    /// "ESC ] 52 ; c ; <base64> ESC \": set the clipboard selection, ended by ST (ESC \), which
    /// xterm, tmux and the others accept where some do not take BEL.
    public static func osc52(_ text: String) -> String {
        "\u{1B}]52;c;" + Data(text.utf8).base64EncodedString() + "\u{1B}\\"
    }

    /// What `y` does with `mode`: the bytes to write to the terminal (nil: none) and the message.
    public static func copy(_ link: String, mode: ClipboardMode) -> (sequence: String?, message: StatusMessage) {
        guard let text = copyableText(link) else {
            return (nil, StatusMessage(.error, "This item has no link to copy"))
        }
        switch mode {
        case .osc52:
            return (osc52(text), StatusMessage(.success, "Copied \(text)"))
        case .off:
            // With no clipboard the link is in the message, to select with the mouse.
            return (nil, StatusMessage(.info, "Link: \(text)"))
        }
    }
}
