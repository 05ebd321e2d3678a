import JoinupStore

/// Key names as config.toml writes them ("j", "ctrl-c", "pgdn", "space", "f5").
public enum KeyName {
    private static let named: [String: Key] = [
        "up": .up, "down": .down, "left": .left, "right": .right,
        "pgup": .pageUp, "pageup": .pageUp, "pgdn": .pageDown, "pagedown": .pageDown,
        "home": .home, "end": .end, "enter": .enter, "return": .enter, "esc": .escape, "escape": .escape,
        "backspace": .backspace, "tab": .tab, "shift-tab": .backTab, "backtab": .backTab,
        "space": .character(" "),
    ]

    /// The key a name stands for; nil when it names none. One character is that character (case kept).
    public static func parse(_ text: String) -> Key? {
        if text.count == 1, let character = text.first, !character.isWhitespace { return .character(character) }
        let lowered = text.lowercased()
        if let key = named[lowered] { return key }
        for prefix in ["ctrl-", "c-", "^"] where lowered.hasPrefix(prefix) {
            let rest = lowered.dropFirst(prefix.count)
            if rest.count == 1, let letter = rest.first, letter.isASCII, letter.isLetter { return .control(letter) }
        }
        if lowered.hasPrefix("f"), let number = Int(lowered.dropFirst()), (1...63).contains(number) {
            return .function(number)
        }
        return nil
    }
}

/// The actions config.toml's `[keys]` can rebind, by name.
public enum KeyAction {
    /// Action name → command, in help order.
    public static let all: [(name: String, command: Command)] = [
        ("move_up", .moveUp), ("move_down", .moveDown), ("page_up", .pageUp), ("page_down", .pageDown),
        ("top", .moveToTop), ("bottom", .moveToBottom), ("open", .open), ("back", .back),
        ("filters", .focusFilters), ("list", .focusList), ("toggle_filter", .toggleFilter),
        ("search", .startSearch), ("sort", .cycleSort), ("role_filter", .cycleRoleFilter),
        ("clear_filters", .clearFilters), ("next_tab", .nextTab), ("previous_tab", .previousTab),
        ("tab_overview", .showTab(.overview)), ("tab_members", .showTab(.members)), ("tab_about", .showTab(.about)),
        ("sync", .sync), ("collections", .toggleCollectionPicker), ("join", .join), ("leave", .leave),
        ("confirm", .confirm), ("cancel", .cancelDialog), ("open_link", .openLink),
        ("theme", .cycleTheme), ("help", .toggleHelp), ("quit", .quit),
    ]

    public static func command(named name: String) -> Command? {
        all.first { $0.name == name }?.command
    }
}

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

extension KeyMap {
    /// The map with each named action's primary binding (its first row in the table) moved to
    /// new keys, with the rows repeating its keys elsewhere (the collections browser's). Other
    /// rows of the same command (Esc also closing help) stay. Hints follow the new key ("q quit"
    /// becomes "Q quit").
    public func remapped(_ keys: [Command: [Key]]) -> KeyMap {
        var result = self
        for (command, newKeys) in keys where !newKeys.isEmpty {
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
