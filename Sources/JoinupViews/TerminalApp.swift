import CNcurses
import Foundation
import JoinupStore

/// Owns the ncurses screen: reads keys, sends commands to the store, draws frames from its state.
///
/// Everything here runs on the main actor, the only place ncurses is touched. Input is polled
/// (`timeout(0)` + `get_wch`) and the loop sleeps briefly when idle, so effects finishing on
/// other threads get the main actor and their results are drawn promptly.
@MainActor
public final class TerminalApp {
    private let store: Store
    private let collectionURI: String
    private let keyMap: KeyMap
    private var needsDraw = true
    private var palette = ColorPalette.monochrome
    private var usesColor = false

    public init(store: Store, collectionURI: String, keyMap: KeyMap = .standard) {
        self.store = store
        self.collectionURI = collectionURI
        self.keyMap = keyMap
    }

    /// Runs until the user quits or the process is asked to stop; the terminal is restored either way.
    public func run() async throws {
        Self.selectUTF8Locale()
        let stopSignals = StopSignals()
        startScreen()
        defer {
            store.stop()
            endwin()
            CrashRestore.disarm()
        }

        store.onChange = { [weak self] in self?.needsDraw = true }
        store.send(.started(collectionURI: collectionURI))

        while !store.state.isQuitting && !stopSignals.received && !Self.terminalHungUp() {
            var readAny = false
            // Drain every pending key before drawing, so held-down keys never lag behind.
            while true {
                var value: wint_t = 0
                let status = get_wch(&value)
                guard let key = KeyDecoder.decode(status: status, value: UInt32(value)) else { break }
                readAny = true
                handle(key)
                if store.state.isQuitting { break }
            }
            if needsDraw { draw() }
            if !readAny {
                try? await Task.sleep(for: .milliseconds(8))
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
            store.send(.commandIssued(command))
        }
    }

    private func draw() {
        needsDraw = false
        let width = Int(nc_cols()), height = Int(nc_lines())
        let viewport = ScreenLayout.viewport(for: store.state, width: width, height: height)
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
            palette = ColorPalette.standard(colors: Int(nc_colors()))
            usesColor = palette.install()
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

/// Notices SIGTERM, SIGHUP and SIGINT (sent by another process: raw mode makes Ctrl-C a key) so the loop can end and restore the terminal instead of dying mid-frame.
private final class StopSignals: @unchecked Sendable {
    private var sources: [DispatchSourceSignal] = []
    private let lock = NSLock()
    private var flag = false

    init() {
        for signalNumber in [SIGTERM, SIGHUP, SIGINT] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { [weak self] in
                guard let self else { return }
                self.lock.lock()
                self.flag = true
                self.lock.unlock()
            }
            source.resume()
            sources.append(source)
        }
    }

    var received: Bool {
        lock.lock()
        defer { lock.unlock() }
        return flag
    }

    deinit { sources.forEach { $0.cancel() } }
}
