/// Holds the state on the main actor, reduces actions and runs effects off it.
@MainActor
public final class Store {
    public private(set) var state: AppState
    private let runner: EffectRunner
    /// Called after every state change (the terminal loop redraws).
    public var onChange: (@MainActor () -> Void)?
    private var inFlight = 0

    public init(state: AppState = AppState(), runner: EffectRunner) {
        self.state = state
        self.runner = runner
    }

    /// True while effects are running (tests and the loop can wait for quiet).
    public var isBusy: Bool { inFlight > 0 }

    public func send(_ action: Action) {
        let effects = reduce(&state, action)
        onChange?()
        for effect in effects {
            inFlight += 1
            let runner = runner
            Task.detached(priority: .userInitiated) {
                let actions = await runner.run(effect)
                await MainActor.run {
                    self.inFlight -= 1
                    for action in actions { self.send(action) }
                }
            }
        }
    }
}
