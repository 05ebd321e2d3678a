import Foundation
import JoinupModel
import JoinupStore

/// Drives the reducer over the real effect runner as the terminal loop does, until nothing is
/// left to run: every effect's actions are reduced and the screen measured again after each.
/// Effects that live as long as the app (cache observation, the outbox timer) are skipped:
/// nothing syncs or retries here.
public struct SettledStore {
    public private(set) var state = AppState()
    private let runner: EffectRunner
    /// What the view layer measures of the screen for a state (`ScreenLayout.viewport`).
    private let measure: (AppState) -> Viewport
    private var pending: [Effect] = []

    /// Starts the browser on a collection and settles. The user's zone is Brussels unless said
    /// otherwise, so frames never depend on this machine's zone (and read like Joinup's page).
    public init(runner: EffectRunner, collectionURI: String, timeZone: TimeZone = JoinupDate.brussels,
                measure: @escaping (AppState) -> Viewport) async {
        self.runner = runner
        self.measure = measure
        state.timeZone = timeZone
        pending = reduce(&state, .started(collectionURI: collectionURI))
        await settle()
    }

    /// Issues a command and settles.
    public mutating func send(_ command: Command) async {
        pending += reduce(&state, .commandIssued(command))
        await settle()
    }

    private mutating func settle() async {
        pending += reduce(&state, .viewportChanged(measure(state)))
        while !pending.isEmpty {
            let effect = pending.removeFirst()
            if effect.livesAsLongAsTheApp { continue }
            for action in await runner.run(effect) { pending += reduce(&state, action) }
            pending += reduce(&state, .viewportChanged(measure(state)))
        }
    }
}
