import CNcurses
import Foundation

/// Decides, before ncurses takes over, whether this process can draw a full-screen UI.
public enum TerminalCheck {
    /// A one-line reason the browser cannot run here, or nil when it can.
    public static func problem(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        guard isatty(STDOUT_FILENO) == 1 else { return "standard output is not a terminal" }
        guard isatty(STDIN_FILENO) == 1 else { return "standard input is not a terminal" }
        guard let term = environment["TERM"], !term.isEmpty else { return "TERM is not set" }
        switch nc_terminal_problem() {
        case 0: return nil
        case 2: return "the terminal \"\(term)\" cannot position the cursor"
        default: return "the terminal type \"\(term)\" is unknown to terminfo"
        }
    }
}
