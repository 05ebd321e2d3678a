import Foundation

/// Locates the built `joinup` binary: beside this test binary (SwiftPM builds it first, as a
/// dependency of this target), or wherever JOINUP_BIN says.
enum BuiltBinary {
    static var joinup: String {
        if let path = ProcessInfo.processInfo.environment["JOINUP_BIN"] { return path }
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = testBinary.deletingLastPathComponent()
        // On Linux the test runner is `<build>/debug/joinupPackageTests.xctest`; elsewhere a bundle.
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("joinup").path
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue {
                return candidate
            }
            folder = folder.deletingLastPathComponent()
        }
        return "joinup"
    }
}

/// A temporary folder, removed when the value goes away.
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("joinup-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    var path: String { url.path }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
}

/// The result of running a command to completion.
struct CommandResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs a program with arguments (no shell) and waits for it, with stdin closed.
func runCommand(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) throws -> CommandResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    for (key, value) in environment { env[key] = value }
    process.environment = env
    process.standardInput = FileHandle.nullDevice
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CommandResult(status: process.terminationStatus,
                         stdout: String(decoding: stdout, as: UTF8.self),
                         stderr: String(decoding: stderr, as: UTF8.self))
}

enum TmuxError: Error, CustomStringConvertible {
    case timedOut(waitingFor: String, screen: String)
    case commandFailed(String)

    var description: String {
        switch self {
        case .timedOut(let text, let screen): "Timed out waiting for \"\(text)\". Screen was:\n\(screen)"
        case .commandFailed(let text): "tmux failed: \(text)"
        }
    }
}

/// A private tmux server (its own socket) running one command in a detached session.
/// Stopped by PID when the value goes away, so a failing test leaves nothing behind.
final class TmuxSession {
    let socket = "joinup-e2e-\(UUID().uuidString.prefix(8))"
    private var serverPID: Int32?

    /// Starts `command` (a shell command line) at the given size with a UTF-8 locale.
    init(command: String, width: Int = 100, height: Int = 30, environment: [String: String] = [:]) throws {
        var arguments = ["-f", "/dev/null", "new-session", "-d", "-x", "\(width)", "-y", "\(height)",
                         "-e", "LANG=C.UTF-8", "-e", "LC_ALL=C.UTF-8", "-e", "TERM=tmux-256color"]
        for (key, value) in environment.sorted(by: { $0.key < $1.key }) { arguments += ["-e", "\(key)=\(value)"] }
        arguments.append(command)
        let status = try spawnDaemonStarter("/usr/bin/env", ["tmux", "-L", socket] + arguments)
        guard status == 0 else { throw TmuxError.commandFailed("new-session exited \(status)") }
        serverPID = Int32(try tmux(["display-message", "-p", "#{pid}"]).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    deinit {
        _ = try? tmux(["kill-server"])
        if let pid = serverPID { kill(pid, SIGKILL) }
    }

    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        let result = try runCommand("/usr/bin/env", ["tmux", "-L", socket] + arguments)
        guard result.status == 0 else { throw TmuxError.commandFailed("\(arguments): \(result.stderr)") }
        return result.stdout
    }

    /// The visible screen as text.
    func screen() throws -> String { try tmux(["capture-pane", "-p"]) }

    /// Types keys (tmux key names like "Enter", "Escape", "BTab", or literal text).
    func send(_ keys: String...) throws { try tmux(["send-keys"] + keys) }

    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-x", "\(width)", "-y", "\(height)"])
    }

    /// Waits until the screen satisfies `condition`, returning that screen.
    @discardableResult
    func waitFor(_ description: String, timeout: TimeInterval = 10, _ condition: (String) -> Bool) throws -> String {
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
    func waitFor(_ text: String, timeout: TimeInterval = 10) throws -> String {
        try waitFor(text, timeout: timeout) { $0.contains(text) }
    }
}

/// Runs a command that leaves a daemon behind (tmux's server) and waits for the command itself.
///
/// Foundation's `Process` notices a child's exit through a descriptor the child inherits; a
/// daemon forked from the child inherits it too and keeps it open, so `waitUntilExit` would
/// wait for the daemon. posix_spawn with stdio on /dev/null and `waitpid` has no such tie.
func spawnDaemonStarter(_ executable: String, _ arguments: [String]) throws -> Int32 {
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
func shellQuoted(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }
