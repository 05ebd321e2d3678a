import JoinupStore
import Testing

/// An exhaustive store for reducer tests, after TCA's `TestStore`: every action sent must state
/// every change it makes to the state (`update` turns the state before into the state after) and
/// every effect it starts, in order; anything left unstated fails the test.
///
///     var store = TestStore(state)
///     store.send(.moveDown) { $0.overview.cursor.selection = 1 }
///     store.send(.open, effects: [.loadItem(collectionURI: uri, id: "item-1")])
///     store.receive(.itemLoaded(detail), from: .loadItem(collectionURI: uri, id: "item-1")) { … }
public struct TestStore {
    public private(set) var state: AppState
    /// Effects started and not yet answered with `receive`.
    public private(set) var outstanding: [Effect] = []

    public init(_ state: AppState = AppState()) {
        self.state = state
    }

    /// Issues a command, as a key press does.
    public mutating func send(_ command: Command, effects: [Effect] = [], sourceLocation: SourceLocation = #_sourceLocation,
                              _ update: (inout AppState) -> Void = { _ in }) {
        send(.commandIssued(command), effects: effects, sourceLocation: sourceLocation, update)
    }

    /// Reduces `action`; fails unless the state changed exactly as `update` says and the effects
    /// are exactly `effects`.
    public mutating func send(_ action: Action, effects: [Effect] = [], sourceLocation: SourceLocation = #_sourceLocation,
                              _ update: (inout AppState) -> Void = { _ in }) {
        var expected = state
        update(&expected)
        let produced = reduce(&state, action)
        if expected != state {
            for line in StateDifference.lines(expected: expected, actual: state) {
                Issue.record("after \(action): \(line)", sourceLocation: sourceLocation)
            }
        }
        if produced != effects {
            Issue.record("after \(action): effects\n  expected \(effects)\n  produced \(produced)", sourceLocation: sourceLocation)
        }
        outstanding += produced
    }

    /// Answers an outstanding effect with the action its run sent; fails if no such effect was started.
    public mutating func receive(_ action: Action, from effect: Effect, effects: [Effect] = [],
                                 sourceLocation: SourceLocation = #_sourceLocation, _ update: (inout AppState) -> Void = { _ in }) {
        if let index = outstanding.firstIndex(of: effect) {
            outstanding.remove(at: index)
        } else {
            Issue.record("\(action) answers \(effect), which was not started (outstanding: \(outstanding))",
                         sourceLocation: sourceLocation)
        }
        send(action, effects: effects, sourceLocation: sourceLocation, update)
    }

    /// Changes the state without an action: the starting point of a test (a loaded browser).
    public mutating func assume(_ change: (inout AppState) -> Void) {
        change(&state)
    }
}

/// Where two values differ, field by field, so a failing test names the field and both values.
enum StateDifference {
    static func lines(expected: Any, actual: Any, path: String = "state") -> [String] {
        // Equal values can print differently (a Set's order), so compare them as values first.
        if let left = expected as? AnyHashable, let right = actual as? AnyHashable, left == right { return [] }
        let left = Mirror(reflecting: expected), right = Mirror(reflecting: actual)
        let described = (String(reflecting: expected), String(reflecting: actual))
        guard described.0 != described.1 else { return [] }
        let fields = left.children.compactMap(\.label)
        guard left.displayStyle == .struct, right.displayStyle == .struct, !fields.isEmpty,
              fields == right.children.compactMap(\.label) else {
            return ["\(path)\n  expected \(described.0)\n  actual   \(described.1)"]
        }
        return zip(left.children, right.children).flatMap { pair in
            lines(expected: pair.0.value, actual: pair.1.value, path: "\(path).\(pair.0.label!)")
        }
    }
}
