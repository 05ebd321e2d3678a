import Foundation
#if canImport(Glibc)
import Glibc
#endif

public enum TmuxError: Error, CustomStringConvertible {
    case timedOut(waitingFor: String, screen: String)
    case commandFailed(String)

    public var description: String {
        switch self {
        case .timedOut(let text, let screen): "Timed out waiting for \"\(text)\". Screen was:\n\(screen)"
        case .commandFailed(let text): "tmux failed: \(text)"
        }
    }
}

/// A private tmux server (its own socket) running one command in a detached session.
/// Stopped by PID when the value goes away, so a failing test leaves nothing behind.
public final class TmuxSession {
    public let socket = "joinup-e2e-\(UUID().uuidString.prefix(8))"
    private var serverPID: Int32?
    /// The pane's shell; the command under test runs in its process group.
    private var panePID: Int32?

    /// Starts `command` (a shell command line) at the given size with a UTF-8 locale.
    public init(command: String, width: Int = 100, height: Int = 30, environment: [String: String] = [:]) throws {
        var arguments = ["-f", "/dev/null", "new-session", "-d", "-x", "\(width)", "-y", "\(height)",
                         "-e", "LANG=C.UTF-8", "-e", "LC_ALL=C.UTF-8", "-e", "TERM=tmux-256color"]
        for (key, value) in environment.sorted(by: { $0.key < $1.key }) { arguments += ["-e", "\(key)=\(value)"] }
        arguments.append(command)
        let status = try spawnDaemonStarter("/usr/bin/env", ["tmux", "-L", socket] + arguments)
        guard status == 0 else { throw TmuxError.commandFailed("new-session exited \(status)") }
        serverPID = Int32(try tmux(["display-message", "-p", "#{pid}"]).trimmingCharacters(in: .whitespacesAndNewlines))
        panePID = Int32(try tmux(["display-message", "-p", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Stops everything this session started, by PID: the pane's process group (the shell and
    /// the program under test), then the server. A server killed first would leave the pane's
    /// processes running with a dead terminal.
    deinit {
        if let pane = panePID {
            kill(-pane, SIGTERM)
            kill(pane, SIGTERM)
            let deadline = Date().addingTimeInterval(2)
            while kill(pane, 0) == 0 && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
            kill(-pane, SIGKILL)
            kill(pane, SIGKILL)
        }
        _ = try? tmux(["kill-server"])
        if let pid = serverPID { kill(pid, SIGKILL) }
    }

    @discardableResult
    public func tmux(_ arguments: [String]) throws -> String {
        let result = try runCommand("/usr/bin/env", ["tmux", "-L", socket] + arguments)
        guard result.status == 0 else { throw TmuxError.commandFailed("\(arguments): \(result.stderr)") }
        return result.stdout
    }

    /// The visible screen as text.
    public func screen() throws -> String { try tmux(["capture-pane", "-p"]) }

    /// Types keys (tmux key names like "Enter", "Escape", "BTab", or literal text).
    public func send(_ keys: String...) throws { try tmux(["send-keys"] + keys) }

    public func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-x", "\(width)", "-y", "\(height)"])
    }

    /// How long a wait gives up after. It returns as soon as the screen shows what it waits for,
    /// so a passing test never waits this long; CI runs every suite at once on 2 cores, where a
    /// debug build has been seen to take over 10 s to draw its first list.
    public static let patience: TimeInterval = 30

    /// Waits until the screen satisfies `condition`, returning that screen.
    @discardableResult
    public func waitFor(_ description: String, timeout: TimeInterval = patience, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = (try? screen()) ?? last
            if condition(last) { return last }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw TmuxError.timedOut(waitingFor: description, screen: last)
    }

    /// Waits until the screen shows `text`.
    @discardableResult
    public func waitFor(_ text: String, timeout: TimeInterval = patience) throws -> String {
        try waitFor(text, timeout: timeout) { $0.contains(text) }
    }
}

/// Runs a command that leaves a daemon behind (tmux's server) and waits for the command itself.
///
/// Foundation's `Process` notices a child's exit through a descriptor the child inherits; a
/// daemon forked from the child inherits it too and keeps it open, so `waitUntilExit` would
/// wait for the daemon. posix_spawn with stdio on /dev/null and `waitpid` has no such tie.
public func spawnDaemonStarter(_ executable: String, _ arguments: [String]) throws -> Int32 {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    for fd in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] {
        posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == STDIN_FILENO ? O_RDONLY : O_WRONLY, 0)
    }
    let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
    guard spawned == 0 else { throw TmuxError.commandFailed("posix_spawn \(executable): \(spawned)") }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    return (status >> 8) & 0xFF
}

/// Single-quotes a string for the shell line tmux runs.
public func shellQuoted(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }

extension TmuxSession {
    /// The built `joinup` browsing with `folder`'s data and config folders and HOME pointed inside
    /// it (so a stray write to HOME shows up as a folder); the pane prints "EXIT=<status>" when
    /// the program ends and stays open to be read.
    public static func joinup(in folder: TemporaryFolder, arguments: [String] = [],
                              environment: [String: String] = [:], prefix: String = "") throws -> TmuxSession {
        let words = [builtBinary("joinup"), "--data-dir", folder.path("data"), "--config-dir", folder.path("config")] + arguments
        let command = prefix + words.map(shellQuoted).joined(separator: " ") + "; echo \"EXIT=$?\"; sleep 60"
        var env = ["HOME": folder.path("home")]
        for (key, value) in environment { env[key] = value }
        return try TmuxSession(command: command, environment: env)
    }
}
