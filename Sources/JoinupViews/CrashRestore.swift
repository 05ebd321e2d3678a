import CNcurses
import CTerminalRestore
import Foundation

/// Restores the terminal when joinup dies of a crash signal (SIGSEGV, SIGABRT, SIGBUS, SIGFPE,
/// SIGILL), so the user's shell is never left on the alternate screen with echo off.
///
/// The handler itself is C (`CTerminalRestore`): it may only call async-signal-safe functions, so
/// everything it writes is captured here beforehand: the termios before `initscr`, and the terminfo
/// strings that leave full-screen mode once ncurses has loaded the terminal description.
@MainActor
enum CrashRestore {
    /// Remembers the terminal's modes as the shell left them. Call before `initscr`.
    static func saveModes() {
        _ = jr_save_terminal_modes(STDOUT_FILENO)
    }

    /// Captures the leave-full-screen bytes for this terminal and installs the handlers. Call after `initscr`.
    ///
    /// The signal then takes its default action. Swift's runtime installs a backtracer that, on a
    /// terminal, waits 30 s for a key ("Press space to interact…"): a developer who sets
    /// `SWIFT_BACKTRACE` gets it after the terminal is restored; a user gets a plain crash.
    static func arm(environment: [String: String] = ProcessInfo.processInfo.environment) {
        let bytes = restoreSequence()
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { jr_set_restore_bytes($0.baseAddress, $0.count) }
        }
        jr_install_crash_handlers(environment["SWIFT_BACKTRACE"] == nil ? 0 : 1)
    }

    /// Puts back the previous handlers once ncurses has restored the terminal itself.
    static func disarm() {
        jr_remove_crash_handlers()
    }

    /// Mouse reporting off, plain attributes, visible cursor, keypad off, normal screen: what
    /// undoes `mousemask`, `initscr`, `keypad` and `curs_set(0)`; absent capabilities are skipped.
    /// (ncurses turns xterm mouse tracking on with private mode 1000; turning it off where it was
    /// never on is harmless.)
    static func restoreSequence() -> [UInt8] {
        var bytes: [UInt8] = Array("\u{1B}[?1000l".utf8)
        for name in ["sgr0", "cnorm", "rmkx", "rmcup"] {
            bytes += capability(name)
        }
        return bytes
    }

    private static func capability(_ name: String) -> [UInt8] {
        guard let cName = strdup(name) else { return [] }
        defer { free(cName) }
        // tigetstr answers NULL (absent) or (char *)-1 (not a string capability).
        guard let value = tigetstr(cName), Int(bitPattern: value) != -1 else { return [] }
        return Array(UnsafeBufferPointer(start: UnsafeRawPointer(value).assumingMemoryBound(to: UInt8.self),
                                         count: strlen(value)))
    }
}
