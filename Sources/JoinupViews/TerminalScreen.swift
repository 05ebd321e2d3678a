import CNcurses
import CTerminalRestore
import Foundation
import JoinupStore

/// The ncurses screen's lifecycle: started, themed, drawn, handed to another program and taken
/// back, ended. Main actor only: the one place ncurses is touched.
@MainActor
final class TerminalScreen {
    private let mouse: Bool
    private var palette = ColorPalette(appearances: [:])
    private var usesColor = false

    /// `mouse`: report clicks and the wheel (config `mouse`, `--no-mouse`).
    init(mouse: Bool) {
        self.mouse = mouse
    }

    var width: Int { Int(nc_cols()) }
    var height: Int { Int(nc_lines()) }

    /// Takes the terminal over: full screen, raw keys, the theme's colours, the mouse if wanted.
    func start(theme: Theme) {
        Self.selectUTF8Locale()
        CrashRestore.saveModes()
        initscr()
        CrashRestore.arm()
        raw()          // Ctrl-C arrives as a key, so quitting always restores the terminal
        noecho()
        nonl()
        keypad(nc_stdscr(), true)
        timeout(0)
        set_escdelay(25)
        curs_set(0)
        if has_colors() {
            start_color()
            use_default_colors()
        }
        apply(theme)
        if mouse {
            // No click resolution: a press is the click, so clicks feel immediate and X10
            // terminals (press-only reports) work.
            mouseinterval(0)
            mousemask(nc_mouse_buttons_and_wheel(), nil)
        }
    }

    /// Gives the terminal back as the shell had it.
    func end() {
        endwin()
        CrashRestore.disarm()
    }

    /// Draws with `theme` from the next frame on.
    func apply(_ theme: Theme) {
        palette = theme.palette(for: has_colors() ? ColorDepth(colors: Int(nc_colors())) : .none)
        usesColor = palette.install()
    }

    /// Steps aside while `program` has the terminal (a terminal browser), then takes it back.
    func handedOver<Result>(during program: () -> Result) -> Result {
        def_prog_mode()
        endwin()
        let result = program()
        reset_prog_mode()
        repaintEverything()
        // endwin switched the terminal's mouse reporting off; ask for it again.
        if mouse { mousemask(nc_mouse_buttons_and_wheel(), nil) }
        return result
    }

    /// Ctrl-Z: the shell gets the terminal as it was, the process stops, and on `fg` the screen
    /// comes back whole. Keys typed at the shell meanwhile are not joinup's: they are dropped.
    func suspend() {
        handedOver { _ = jr_stop_until_continued() }
        flushinp()
    }

    /// Makes the next frame repaint every cell instead of drawing differences: after a resize or
    /// another program, the terminal no longer holds what ncurses last drew.
    func repaintEverything() {
        clearok(nc_stdscr(), true)
    }

    /// Draws `state` as one frame.
    func render(_ state: AppState, keyMap: KeyMap) {
        var surface = NcursesSurface(palette: palette, usesColor: usesColor)
        surface.clear()
        Screen.render(state, on: &surface, keyMap: keyMap)
        refresh()
    }

    /// True once the terminal is gone (its window closed, its emulator killed): input then
    /// reports a hang-up for ever and no SIGHUP may reach us, so the loop must look itself.
    static func hungUp() -> Bool {
        var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, 0) > 0 else { return false }
        return descriptor.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
    }

    /// ncurses needs a UTF-8 locale for anything beyond ASCII; fall back to C.UTF-8.
    private static func selectUTF8Locale() {
        setlocale(LC_ALL, "")
        let codeset = String(cString: nl_langinfo(nl_item(CODESET)))
        if codeset.uppercased().replacingOccurrences(of: "-", with: "") != "UTF8" {
            setlocale(LC_ALL, "C.UTF-8")
        }
    }
}
