import Foundation

/// Holds the state on the main actor, reduces actions and runs effects off it.
@MainActor
public final class Store {
    public private(set) var state: AppState
    private let runner: EffectRunner
    /// Called after every state change (the terminal loop redraws).
    public var onChange: (@MainActor () -> Void)?
    private var running: [Int: Task<Void, Never>] = [:]
    /// Terminal work reduced and not yet taken by the terminal runtime, oldest first.
    private var terminalEffects: [TerminalEffect] = []
    private var nextTaskID = 0

    public init(state: AppState = AppState(), runner: EffectRunner) {
        self.state = state
        self.runner = runner
    }

    public func send(_ action: Action) {
        let effects = reduce(&state, action)
        // The reducer has no clock: the log learns when its new messages were shown here.
        state.messages.stamp(Date())
        onChange?()
        for effect in effects {
            if case .terminal(let work) = effect {
                terminalEffects.append(work)
            } else {
                start(effect)
            }
        }
    }

    /// Hands the terminal's work over, oldest first (the terminal loop takes it between frames:
    /// `onChange` has woken it).
    public func takeTerminalEffects() -> [TerminalEffect] {
        defer { terminalEffects = [] }
        return terminalEffects
    }

    /// Cancels every running effect (the cache observation runs until this is called).
    public func stop() {
        running.values.forEach { $0.cancel() }
        running = [:]
    }

    private func start(_ effect: Effect) {
        let id = nextTaskID
        nextTaskID += 1
        let runner = runner
        running[id] = Task.detached(priority: .userInitiated) { [weak self] in
            await runner.run(effect) { action in
                await MainActor.run { self?.send(action) }
            }
            await MainActor.run { _ = self?.running.removeValue(forKey: id) }
        }
    }
}
