import JoinupSettings
import JoinupStore

/// A key bound to two actions in one place: the first in the table wins, the other never runs.
public struct KeyConflict: Hashable, Sendable, CustomStringConvertible {
    public var key: Key
    public var focus: Focus
    public var winner: Command
    public var loser: Command

    public var description: String {
        let name = { (command: Command) in KeyAction.all.first { $0.command == command }?.name ?? "\(command)" }
        return "\(key.label) is bound to both \(name(winner)) and \(name(loser)) (\(KeyMap.title(of: [focus]))); \(name(winner)) wins"
    }
}

extension AppConfig {
    /// The check only the key table can make, after `AppConfig.load`: a `[keys]` remap that takes a
    /// key another action has in the same place (one of the two could never run).
    public func keyConflicts(file: String) -> [SettingsIssue] {
        guard !keys.isEmpty else { return [] }
        let remappedCommands = Set(keys.keys)
        return KeyMap.standard.remapped(keys).conflicts().compactMap { conflict in
            guard remappedCommands.contains(conflict.winner) || remappedCommands.contains(conflict.loser) else { return nil }
            // Point at the line that was remapped (the loser's if both were).
            let remapped = keys[conflict.loser] != nil ? conflict.loser : conflict.winner
            let path = "keys." + (KeyAction.all.first { $0.command == remapped }?.name ?? "")
            return SettingsIssue(file: file, line: keyLines[remapped], key: path, message: "key conflict: \(conflict)")
        }
    }
}

extension KeyMap {
    /// The map with each named action's primary binding (its first row in the table) moved to
    /// new keys, with the rows repeating its keys elsewhere (the collections browser's). Other
    /// rows of the same command (Esc also closing help) stay. Hints follow the new key ("q quit"
    /// becomes "Q quit").
    public func remapped(_ keys: [Command: [Key]]) -> KeyMap {
        var result = self
        for (command, remappedKeys) in keys where !remappedKeys.isEmpty {
            // The interrupt stays an interrupt: a remapped quit adds its keys to Ctrl-C.
            let kept = Self.neverRemoved[command, default: []].filter { !remappedKeys.contains($0) }
            let newKeys = remappedKeys + kept
            guard let primary = bindings.first(where: { $0.command == command }) else { continue }
            for index in result.bindings.indices
            where result.bindings[index].command == command && bindings[index].keys == primary.keys {
                var binding = result.bindings[index]
                if let hint = binding.hint, let space = hint.firstIndex(of: " ") {
                    binding.hint = newKeys[0].label + hint[space...]
                }
                binding.keys = newKeys
                result.bindings[index] = binding
            }
        }
        return result
    }

    /// Keys a remap adds to instead of replacing, as every terminal program keeps them.
    static let neverRemoved: [Command: [Key]] = [.quit: [.control("c")]]

    /// Keys that issue two different commands in one focus (only the first can ever run).
    /// In the search line characters are text, so only non-character keys can clash there.
    public func conflicts() -> [KeyConflict] {
        var found: [KeyConflict] = []
        for focus in Focus.allCases {
            var owner: [Key: Command] = [:]
            for binding in bindings where binding.contexts.contains(focus) {
                for key in binding.keys {
                    if focus == .search, case .character = key { continue }
                    if let winner = owner[key] {
                        if winner != binding.command {
                            found.append(KeyConflict(key: key, focus: focus, winner: winner, loser: binding.command))
                        }
                    } else {
                        owner[key] = binding.command
                    }
                }
            }
        }
        return found
    }
}
