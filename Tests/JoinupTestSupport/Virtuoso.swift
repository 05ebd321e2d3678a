import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A real Virtuoso (Debian's `virtuoso-opensource-7`, Joinup's SPARQL engine) in a temporary
/// folder, run through `scripts/virtuoso.sh`: loopback ports picked free, stopped by PID.
/// Start one per suite (it takes a few seconds) and `stop()` it when the suite ends.
public final class VirtuosoServer: @unchecked Sendable {
    public let folder: TemporaryFolder
    /// `http://127.0.0.1:PORT/sparql`.
    public let endpoint: String

    public struct Failure: Error, CustomStringConvertible {
        public var description: String

        public init(description: String) { self.description = description }
    }

    /// Starts Virtuoso and, with `fixtures`, loads `Fixtures/sparql` (see its README.md).
    public init(fixtures: Bool = true) throws {
        folder = try TemporaryFolder()
        let started = try Self.script(["start", folder.path("virtuoso")])
        endpoint = started.trimmingCharacters(in: .whitespacesAndNewlines)
        if fixtures { _ = try script(["fixtures"]) }
    }

    /// Starts one from an async test: the seconds of waiting happen on a thread of their own, not
    /// on the cooperative pool an in-process server beside it needs (see `runBlocking`).
    public static func started(fixtures: Bool = true) async throws -> VirtuosoServer {
        try await runBlocking { try VirtuosoServer(fixtures: fixtures) }
    }

    /// `stop()` from an async test, off the cooperative pool.
    public func stopped() async {
        _ = try? await runBlocking { self.stop() }
    }

    /// Loads RDF/XML (`.rdf`) or Turtle/N-Triples files into `graph`.
    public func load(graph: String, files: [String]) throws {
        _ = try script(["load", graph] + files)
    }

    /// Runs an SQL file as dba (`SPARQL …;` lines run SPARQL updates).
    public func runSQL(file: String) throws {
        _ = try script(["sql", file])
    }

    /// The server's PID while it runs.
    public var pid: Int32? {
        (try? String(contentsOfFile: folder.path("virtuoso/pid"), encoding: .utf8))
            .flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    /// Stops the server by its PID and waits for it to exit.
    public func stop() {
        _ = try? script(["stop"])
    }

    deinit { stop() }

    private func script(_ arguments: [String]) throws -> String {
        let command = arguments.first.map { [$0, folder.path("virtuoso")] + arguments.dropFirst() } ?? []
        return try Self.script(command)
    }

    /// Runs the script to completion, output through files. Not `runCommand`: Foundation's
    /// `waitUntilExit` was seen never to return here (the script's child was left a zombie,
    /// after `start` had put Virtuoso in the background), so the exit is collected with waitpid.
    private static func script(_ arguments: [String]) throws -> String {
        let path = packageRoot.appendingPathComponent("scripts/virtuoso.sh").path
        let output = try TemporaryFolder()
        let out = output.path("stdout"), err = output.path("stderr")
        _ = FileManager.default.createFile(atPath: out, contents: nil)
        _ = FileManager.default.createFile(atPath: err, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [path] + arguments
        process.standardInput = FileHandle(forReadingAtPath: "/dev/null")
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: out))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: err))
        try process.run()
        let status = exitStatus(of: process)
        let stdout = (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
        guard status == 0 else {
            let stderr = (try? String(contentsOfFile: err, encoding: .utf8)) ?? ""
            throw Failure(description: "virtuoso.sh \(arguments.first ?? ""): exit \(status): \(stderr)")
        }
        return stdout
    }

    /// The exit status, from waitpid, or from Foundation when its monitor reaped the child first.
    private static func exitStatus(of process: Process) -> Int32 {
        let pid = process.processIdentifier
        let deadline = Date().addingTimeInterval(300)
        while Date() < deadline {
            var status: Int32 = 0
            let reaped = waitpid(pid, &status, WNOHANG)
            if reaped == pid { return (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F) }
            if reaped == -1 {
                while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
                return process.isRunning ? -1 : process.terminationStatus
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return -1
    }
}
