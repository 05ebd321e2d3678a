import Foundation
import JoinupModel

/// How a link will be opened: the argument vector, and whether joinup must hand the terminal
/// over and wait (a terminal browser) or start it detached (a graphical one).
public struct LinkLaunch: Hashable, Sendable {
    public var arguments: [String]
    public var usesTerminal: Bool
}

/// Opening links with `o`: choosing the program (pure) and starting it without a shell.
public enum LinkOpener {
    /// Browsers that draw in the terminal: joinup gives them the screen and waits.
    public static let terminalBrowsers: Set<String> = ["w3m", "lynx", "links", "links2", "elinks", "browsh", "carbonyl"]

    /// Why a link is not opened, said in the status line.
    public static func refusal(for link: String) -> String? {
        let lowered = link.lowercased()
        guard let scheme = ["https://", "http://"].first(where: lowered.hasPrefix) else {
            let shown = TerminalTextPreview.short(link)
            return "Not opening \(shown.isEmpty ? "an empty link" : "\"\(shown)\""): only http and https links are opened"
        }
        let rest = link.dropFirst(scheme.count)
        guard let first = rest.first, first != "/", first != "?", first != "#" else {
            return "Not opening a link without a host"
        }
        if link.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) }) {
            return "Not opening a link with control characters"
        }
        return nil
    }

    /// The command for a link: the configured one, else `$BROWSER` (its first `:`-separated
    /// entry), else `xdg-open`. `%u` or `%s` anywhere inside an argument (`--new-tab=%u`) is
    /// replaced by the link, which is never split or interpreted; otherwise the link is the
    /// last argument.
    public static func launch(for link: String, configured: [String]?, environment: [String: String]) -> LinkLaunch {
        var command = configured ?? []
        if command.isEmpty, let browser = environment["BROWSER"],
           let entry = browser.split(separator: ":").first {
            command = entry.split(whereSeparator: \.isWhitespace).map(String.init)
        }
        if command.isEmpty { command = ["xdg-open"] }
        var arguments: [String] = []
        var placed = false
        for word in command {
            placed = placed || word.contains("%u") || word.contains("%s")
            arguments.append(substitutingPlaceholders(in: word, with: link))
        }
        if !placed { arguments.append(link) }
        let program = (arguments[0] as NSString).lastPathComponent
        return LinkLaunch(arguments: arguments, usesTerminal: terminalBrowsers.contains(program))
    }

    /// One argument with each `%u` / `%s` replaced by the link. The link is inserted as-is in a
    /// single pass, so a `%u` inside the link itself is never expanded again.
    static func substitutingPlaceholders(in word: String, with link: String) -> String {
        var result = ""
        var rest = Substring(word)
        while let percent = rest.firstIndex(of: "%") {
            result += rest[..<percent]
            let after = rest.index(after: percent)
            if after < rest.endIndex, rest[after] == "u" || rest[after] == "s" {
                result += link
                rest = rest[rest.index(after: after)...]
            } else {
                result.append("%")
                rest = rest[after...]
            }
        }
        return result + rest
    }

    /// Starts the program with posix_spawnp (searching PATH; no shell ever sees the link). A
    /// graphical browser gets /dev/null for its standard streams so it cannot write over the
    /// screen, and is reaped in the background; for a terminal browser the caller waits.
    public static func spawn(_ launch: LinkLaunch) throws -> pid_t {
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if !launch.usesTerminal {
            for descriptor in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] {
                posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/null",
                                                 descriptor == STDIN_FILENO ? O_RDONLY : O_WRONLY, 0)
            }
        }
        let cStrings = launch.arguments.map { strdup($0) }
        defer { cStrings.forEach { free($0) } }
        let argv = cStrings + [nil]
        var pid: pid_t = 0
        let status = posix_spawnp(&pid, launch.arguments[0], &actions, nil, argv, environ)
        guard status == 0 else {
            throw LinkOpenError(program: launch.arguments[0], reason: String(cString: strerror(status)))
        }
        return pid
    }

    /// Waits for a child to end; returns its exit status (or -1).
    @discardableResult
    public static func wait(for pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return status & 0x7F == 0 ? (status >> 8) & 0xFF : -1
    }

    /// Reaps a detached child on a background thread so it leaves no zombie.
    public static func reapInBackground(_ pid: pid_t) {
        Thread.detachNewThread { wait(for: pid) }
    }
}

/// The browser could not be started.
public struct LinkOpenError: Error, Hashable, Sendable, CustomStringConvertible {
    public var program: String
    public var reason: String
    public var description: String { "Could not start \(program): \(reason)" }
}

/// Short, sanitised previews of link text for the status line.
enum TerminalTextPreview {
    static func short(_ text: String) -> String {
        let line = TerminalText.line(text)
        return line.count > 40 ? String(line.prefix(39)) + "…" : line
    }
}
