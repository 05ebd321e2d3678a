import CNcurses
import Foundation
import JoinupModel
import JoinupStore

/// Owns the ncurses screen: reads keys, sends commands to the store, draws frames from its state.
///
/// Everything here runs on the main actor, the only place ncurses is touched. Keys are read with
/// `timeout(0)` + `get_wch` until none is waiting; then the loop sleeps (`IdleWake`) until input,
/// a signal, a state change (effects finishing on other threads) or its sync timer wakes it.
@MainActor
public final class TerminalApp {
    private let store: Store
    private let collectionURI: String
    private let keyMap: KeyMap
    private let options: TerminalOptions
    private var needsDraw = true
    private var themeIndex: Int
    private var palette = ColorPalette(appearances: [:])
    private var usesColor = false
    private var lastSync = ContinuousClock.now
    private let idle = IdleWake()

    public init(store: Store, collectionURI: String, keyMap: KeyMap = .standard, options: TerminalOptions = TerminalOptions()) {
        self.store = store
        self.collectionURI = collectionURI
        self.keyMap = keyMap
        self.options = options
        self.themeIndex = options.themeIndex
    }

    /// Runs until the user quits or the process is asked to stop; the terminal is restored either way.
    public func run() async throws {
        Self.selectUTF8Locale()
        StopSignals.catch()
        startScreen()
        idle.start()
        defer {
            idle.stop()
            store.stop()
            endwin()
            CrashRestore.disarm()
            StopSignals.release()
        }

        store.onChange = { [weak self] in
            self?.needsDraw = true
            self?.idle.signal()
        }
        store.send(.started(collectionURI: collectionURI))
        if let message = options.startupMessage { store.send(.statusShown(StatusMessage(.error, message))) }

        while !store.state.isQuitting && !StopSignals.received && !Self.terminalHungUp() {
            var readAny = false
            // Drain every pending key before drawing, so held-down keys never lag behind.
            while true {
                var value: wint_t = 0
                let status = get_wch(&value)
                if status == KEY_CODE_YES, Int32(bitPattern: UInt32(value)) == nc_key_mouse() {
                    readAny = true
                    handleMouse()
                    continue
                }
                guard let key = KeyDecoder.decode(status: status, value: UInt32(value)) else { break }
                readAny = true
                handle(key)
                if store.state.isQuitting { break }
            }
            if let link = store.state.pendingLink { open(link) }
            syncIfDue()
            if needsDraw { draw() }
            if !readAny {
                await idle.wait(upTo: timeUntilSyncIsDue())
            }
        }
    }

    private func handle(_ key: Key) {
        if key == .resize {
            needsDraw = true
            // After a resize the terminal's contents are not what ncurses last drew (emulators
            // reflow or clear differently); repaint every cell instead of drawing differences.
            clearok(nc_stdscr(), true)
            return
        }
        if let command = keyMap.command(for: key, focus: store.state.focus) {
            issue(command)
        }
    }

    private func issue(_ command: Command) {
        if command == .cycleTheme {
            themeIndex = options.nextThemeIndex(after: themeIndex)
            applyTheme()
            store.send(.statusShown(StatusMessage(.info, "Theme: \(options.themes[themeIndex].name)")))
            return
        }
        store.send(.commandIssued(command))
    }

    private func handleMouse() {
        var x: Int32 = 0, y: Int32 = 0
        let kind: MouseEvent.Kind
        switch nc_read_mouse(&x, &y) {
        case 1: kind = .click
        case 4: kind = .wheelUp
        case 5: kind = .wheelDown
        default: return
        }
        let event = MouseEvent(kind, x: Int(x), y: Int(y))
        for command in PointerMap.commands(for: event, state: store.state, width: Int(nc_cols()), height: Int(nc_lines())) {
            issue(command)
        }
    }

    /// Opens `o`'s link: refused unless http(s); a terminal browser gets the terminal (ncurses
    /// steps aside and the screen is redrawn after), a graphical one is started detached.
    private func open(_ link: String) {
        if let refusal = LinkOpener.refusal(for: link) {
            store.send(.linkHandled(StatusMessage(.error, refusal)))
            return
        }
        let launch = LinkOpener.launch(for: link, configured: options.browser, environment: options.environment)
        if launch.usesTerminal {
            def_prog_mode()
            endwin()
        }
        let message: StatusMessage
        do {
            let pid = try LinkOpener.spawn(launch)
            if launch.usesTerminal {
                LinkOpener.wait(for: pid)
            } else {
                LinkOpener.reapInBackground(pid)
            }
            message = StatusMessage(.info, "Opened the link with \(TerminalText.line(launch.arguments[0]))")
        } catch {
            message = StatusMessage(.error, TerminalText.line("\(error)"))
        }
        if launch.usesTerminal {
            reset_prog_mode()
            clearok(nc_stdscr(), true)
            // endwin switched the terminal's mouse reporting off; ask for it again.
            if options.mouse { mousemask(nc_mouse_buttons_and_wheel(), nil) }
        }
        needsDraw = true
        store.send(.linkHandled(message))
    }

    /// Starts a background sync every `state.syncInterval` seconds while a remote is set.
    private func syncIfDue() {
        guard let remaining = timeUntilSyncIsDue(), remaining <= .zero else { return }
        lastSync = .now
        store.send(.commandIssued(.sync))
    }

    /// How long the loop may sleep before `syncIfDue` has work; nil when no periodic sync can start
    /// (none configured, no remote, or one running: its end changes the state, which wakes the loop).
    private func timeUntilSyncIsDue() -> Duration? {
        guard let interval = store.state.syncInterval, interval > 0, store.state.remote != nil,
              !store.state.isSyncing else { return nil }
        return .seconds(interval) - (ContinuousClock.now - lastSync)
    }

    private func applyTheme() {
        palette = options.themes[themeIndex].palette(for: has_colors() ? ColorDepth(colors: Int(nc_colors())) : .none)
        usesColor = palette.install()
        needsDraw = true
    }

    private func draw() {
        needsDraw = false
        let width = Int(nc_cols()), height = Int(nc_lines())
        let viewport = ScreenLayout.viewport(for: store.state, width: width, height: height, keyMap: keyMap)
        if viewport != store.state.viewport {
            store.send(.viewportChanged(viewport))
            needsDraw = false
        }
        var surface = NcursesSurface(palette: palette, usesColor: usesColor)
        surface.clear()
        Screen.render(store.state, on: &surface, keyMap: keyMap)
        refresh()
    }

    private func startScreen() {
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
        applyTheme()
        if options.mouse {
            // No click resolution: a press is the click, so clicks feel immediate and X10
            // terminals (press-only reports) work.
            mouseinterval(0)
            mousemask(nc_mouse_buttons_and_wheel(), nil)
        }
    }

    /// True once the terminal is gone (its window closed, its emulator killed): input then
    /// reports a hang-up for ever and no SIGHUP may reach us, so the loop must look itself.
    private static func terminalHungUp() -> Bool {
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
