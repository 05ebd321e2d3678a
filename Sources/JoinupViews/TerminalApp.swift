import JoinupStore

/// The full-screen browser: reads the terminal's input, sends commands to the store, carries out
/// its terminal effects and draws frames from its state, until the user quits or a signal asks.
///
/// Its parts, one concern each: `TerminalScreen` (ncurses' lifecycle and drawing),
/// `TerminalInput` (keys and mouse reports), `TerminalEffectRunner` (links, themes),
/// `StopSignals`, and `IdleWake` (sleeping until there is something to do). Everything runs on
/// the main actor, the only place ncurses is touched: keys are read without waiting until none
/// is left, then the loop sleeps until input, a signal or a state change (effects finishing on
/// other threads) wakes it.
@MainActor
public final class TerminalApp {
    private let store: Store
    private let collectionURI: String
    private let keyMap: KeyMap
    private let startupMessage: String?
    private let screen: TerminalScreen
    private let effects: TerminalEffectRunner
    private let idle = IdleWake()
    private var needsDraw = true
    /// What a click means on the frame last drawn (measured with it).
    private var pointerTargets = PointerTargets()

    public init(store: Store, collectionURI: String, keyMap: KeyMap = .standard, options: TerminalOptions = TerminalOptions()) {
        self.store = store
        self.collectionURI = collectionURI
        self.keyMap = keyMap
        self.startupMessage = options.startupMessage
        screen = TerminalScreen(mouse: options.mouse)
        effects = TerminalEffectRunner(screen: screen, options: options)
    }

    /// Runs until the user quits or the process is asked to stop; the terminal is restored either way.
    public func run() async throws {
        StopSignals.catch()
        screen.start(theme: effects.theme)
        idle.start()
        defer {
            idle.stop()
            store.stop()
            screen.end()
            StopSignals.release()
        }

        store.onChange = { [weak self] in
            self?.needsDraw = true
            self?.idle.signal()
        }
        store.send(.started(collectionURI: collectionURI))
        if let startupMessage { store.send(.statusShown(StatusMessage(.warning, startupMessage))) }

        while !store.state.isQuitting && !StopSignals.received && !TerminalScreen.hungUp() {
            var readAny = false
            // Drain every pending key before drawing, so held-down keys never lag behind.
            while !store.state.isQuitting, let input = TerminalInput.next() {
                readAny = true
                handle(input)
            }
            // An answer may ask for more terminal work; carry it all out before drawing.
            var work = store.takeTerminalEffects()
            while !work.isEmpty {
                for effect in work { store.send(effects.run(effect)) }
                work = store.takeTerminalEffects()
            }
            if needsDraw { draw() }
            if !readAny { await idle.wait() }
        }
    }

    private func handle(_ input: TerminalInput) {
        switch input {
        case .key(.resize):
            needsDraw = true
            screen.repaintEverything()
        case .key(let key):
            if let command = keyMap.command(for: key, focus: store.state.focus) {
                store.send(.commandIssued(command))
            }
        case .mouse(let event):
            for command in PointerMap.commands(for: event, targets: pointerTargets) {
                store.send(.commandIssued(command))
            }
        }
    }

    /// One layout pass: measures the screen for the reducer (a change is sent first, so the frame
    /// shows its outcome), draws, and keeps the frame's click targets for the mouse.
    private func draw() {
        needsDraw = false
        let layout = ScreenLayout(width: screen.width, height: screen.height)
        let viewport = layout.viewport(for: store.state, keyMap: keyMap)
        if viewport != store.state.viewport {
            store.send(.viewportChanged(viewport))
            needsDraw = false
        }
        screen.render(store.state, keyMap: keyMap)
        pointerTargets = layout.pointerTargets(for: store.state)
    }
}
