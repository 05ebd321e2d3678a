import Foundation
import JoinupModel
import JoinupSettings
import JoinupStore

/// Carries out the store's terminal effects between frames, as bubbletea's runtime does its
/// `ExecProcess`: opens links (a browser that draws in the terminal gets the screen until it
/// exits), switches themes, repaints and suspends. Each answers with the action the store is sent next.
@MainActor
final class TerminalEffectRunner {
    private let screen: TerminalScreen
    private let options: TerminalOptions
    private var themeIndex: Int

    init(screen: TerminalScreen, options: TerminalOptions) {
        self.screen = screen
        self.options = options
        self.themeIndex = options.themeIndex
    }

    /// The theme the screen draws with.
    var theme: Theme { options.themes[themeIndex] }

    /// Does `effect`'s work and returns the action that answers it.
    func run(_ effect: TerminalEffect) -> Action {
        switch effect {
        case .openLink(let link):
            return .linkHandled(open(link))
        case .nextTheme:
            themeIndex = options.nextThemeIndex(after: themeIndex)
            screen.apply(theme)
            return .themeChanged(name: theme.name)
        case .redraw:
            screen.repaintEverything()
            return .terminalRestored
        case .suspend:
            screen.suspend()
            return .terminalRestored
        case .copyLink(let link):
            let (sequence, message) = Clipboard.copy(link, mode: options.clipboard)
            // Between frames ncurses has flushed its output; the sequence moves no cursor.
            if let sequence { writeToTerminal(sequence) }
            return .linkHandled(message)
        }
    }

    /// Writes bytes straight to the terminal, past ncurses (which has no call for OSC 52).
    private func writeToTerminal(_ text: String) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return }
            bytes = bytes.dropFirst(written)
        }
    }

    /// Opens a link: refused unless http(s); a terminal browser gets the screen (and joinup waits
    /// for it), a graphical one is started detached.
    private func open(_ link: String) -> StatusMessage {
        if let refusal = LinkOpener.refusal(for: link) { return StatusMessage(.error, refusal) }
        let launch = LinkOpener.launch(for: link, configured: options.browser, environment: options.environment)
        let start = { () -> StatusMessage in
            do {
                let pid = try LinkOpener.spawn(launch)
                if launch.usesTerminal {
                    LinkOpener.wait(for: pid)
                } else {
                    LinkOpener.reapInBackground(pid)
                }
                return StatusMessage(.success, "Opened the link with \(TerminalText.line(launch.arguments[0]))")
            } catch {
                return StatusMessage(.error, TerminalText.line("\(error)"))
            }
        }
        return launch.usesTerminal ? screen.handedOver(during: start) : start()
    }
}
