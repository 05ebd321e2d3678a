import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The package's root folder, found from this file's path.
public let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// `Fixtures/remote`, the shipped data folder.
public let fixtureFolder = packageRoot.appendingPathComponent("Fixtures/remote")

/// Locates a built executable: beside this test binary (SwiftPM builds it first, as a dependency of
/// this target), or wherever `JOINUP_BIN_DIR` says.
public func builtBinary(_ name: String) -> String {
    if let folder = ProcessInfo.processInfo.environment["JOINUP_BIN_DIR"] {
        return (folder as NSString).appendingPathComponent(name)
    }
    var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
    while folder.path != "/" {
        let candidate = folder.appendingPathComponent(name).path
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue {
            return candidate
        }
        folder = folder.deletingLastPathComponent()
    }
    return name
}

public enum ProcessError: Error, CustomStringConvertible {
    case noBaseURL(stderr: String)
    case timedOut(String)

    public var description: String {
        switch self {
        case .noBaseURL(let stderr): "joinup-remote printed no base URL. stderr: \(stderr)"
        case .timedOut(let what): "timed out: \(what)"
        }
    }
}

/// A server process (joinup-remote or python's http.server) started for one test and stopped by PID.
public final class ServerProcess: @unchecked Sendable {
    public let process = Process()
    public let base: String
    private let stderrFile: URL

    /// Starts `executable` and waits for a line of its stdout from which `baseURL` extracts the base URL.
    public init(executable: String, arguments: [String], folder: TemporaryFolder,
         baseURL: @escaping (String) -> String? = { $0.hasPrefix("http://") ? $0 : nil }) throws {
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let out = Pipe()
        stderrFile = folder.url.appendingPathComponent("server-\(UUID().uuidString.prefix(6)).err")
        _ = FileManager.default.createFile(atPath: stderrFile.path, contents: nil)
        process.standardOutput = out
        process.standardError = try FileHandle(forWritingTo: stderrFile)
        process.standardInput = FileHandle(forReadingAtPath: "/dev/null")
        try process.run()

        // Read lines until one names the base URL (a blocking read on a pipe: the process is ours).
        var buffer = Data()
        var found: String?
        let handle = out.fileHandleForReading
        let deadline = Date().addingTimeInterval(20)
        while found == nil, Date() < deadline {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            buffer.append(chunk)
            for line in String(decoding: buffer, as: UTF8.self).split(separator: "\n") {
                if let url = baseURL(String(line)) { found = url; break }
            }
        }
        guard let found else {
            process.terminate()
            throw ProcessError.noBaseURL(stderr: (try? String(contentsOf: stderrFile, encoding: .utf8)) ?? "")
        }
        base = found
        // Keep draining stdout so the server never blocks on a full pipe.
        handle.readabilityHandler = { handle in
            if handle.availableData.isEmpty { handle.readabilityHandler = nil }
        }
    }

    public var pid: Int32 { process.processIdentifier }

    /// SIGKILL: the server vanishes mid-whatever.
    public func kill() {
        if process.isRunning { Glibc.kill(pid, SIGKILL) }
        _ = waitForExit(seconds: 10)
    }

    /// Sends `signal` and waits for the exit; SIGKILL after 5 s (a runner may start children with
    /// SIGTERM ignored, and not every server handles it). Returns the exit status.
    @discardableResult
    public func stop(signal: Int32 = SIGTERM) -> Int32 {
        if process.isRunning { Glibc.kill(pid, signal) }
        // Generous: on a loaded 2-core CI machine a clean shutdown has taken more than 5 s.
        if !waitForExit(seconds: 15) {
            Glibc.kill(pid, SIGKILL)
            _ = waitForExit(seconds: 10)
        }
        return process.isRunning ? -1 : process.terminationStatus
    }

    /// Polls rather than `waitUntilExit`, which spins a CPU on Linux and never gives up.
    private func waitForExit(seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        return !process.isRunning
    }

    public var stderr: String { (try? String(contentsOf: stderrFile, encoding: .utf8)) ?? "" }

    deinit {
        if process.isRunning { kill() }
    }
}

/// `joinup-remote` serving a folder (or generating), logging requests to a file.
public final class RemoteProcess: @unchecked Sendable {
    public let server: ServerProcess
    public let logFile: String

    public init(data: URL? = nil, extra: [String] = [], folder: TemporaryFolder) throws {
        logFile = folder.path("requests-\(UUID().uuidString.prefix(6)).log")
        var arguments = ["--port", "0", "--log", logFile] + extra
        if let data { arguments += ["--data", data.path] }
        server = try ServerProcess(executable: builtBinary("joinup-remote"), arguments: arguments, folder: folder)
    }

    public var base: String { server.base }

    /// The shipped fixtures served with join/leave on for the accounts in `users` (a users.json,
    /// written to a fresh state folder in `folder`).
    public convenience init(fixturesWithUsers users: String, folder: TemporaryFolder) throws {
        let state = folder.url.appendingPathComponent("remote-state")
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        try users.write(to: state.appendingPathComponent("users.json"), atomically: true, encoding: .utf8)
        try self.init(data: fixtureFolder, extra: ["--state-dir", state.path], folder: folder)
    }

    /// The request log so far: one "METHOD target status[ gzip]" line per request.
    public func requests() -> [String] {
        ((try? String(contentsOfFile: logFile, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }
}

/// The result of running a command to completion.
public struct CommandResult: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
}

/// Runs a program (no shell) to completion with stdin closed and JOINUP_REMOTE/JOINUP_SPARQL unset (a
/// developer's own setting must not leak into a test). `standardOutput` replaces the captured
/// stdout (then `stdout` is empty): /dev/full, a pipe nobody reads.
public func runCommand(_ executable: String, _ arguments: [String], environment: [String: String] = [:],
                       standardOutput: FileHandle? = nil) throws -> CommandResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    env["JOINUP_REMOTE"] = nil
    env["JOINUP_SPARQL"] = nil
    for (key, value) in environment { env[key] = value }
    process.environment = env
    let out = Pipe(), err = Pipe()
    process.standardOutput = standardOutput ?? out
    process.standardError = err
    process.standardInput = FileHandle(forReadingAtPath: "/dev/null")
    try process.run()
    if standardOutput != nil { try out.fileHandleForWriting.close() }  // unused: end it, or the read below never ends
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CommandResult(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                         stderr: String(decoding: stderr, as: UTF8.self))
}
