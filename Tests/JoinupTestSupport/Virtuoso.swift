import Foundation

/// A real Virtuoso (Debian's `virtuoso-opensource-7`, Joinup's SPARQL engine) in a temporary
/// folder, run through `scripts/virtuoso.sh`: loopback ports picked free, stopped by PID.
/// Start one per suite (it takes a few seconds) and `stop()` it when the suite ends.
public final class VirtuosoServer: @unchecked Sendable {
    public let folder: TemporaryFolder
    /// `http://127.0.0.1:PORT/sparql`.
    public let endpoint: String

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Starts Virtuoso and, with `fixtures`, loads `Fixtures/sparql` (see its README.md).
    public init(fixtures: Bool = true) throws {
        folder = try TemporaryFolder()
        let started = try Self.script(["start", folder.path("virtuoso")])
        endpoint = started.trimmingCharacters(in: .whitespacesAndNewlines)
        if fixtures { _ = try script(["fixtures"]) }
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

    private static func script(_ arguments: [String]) throws -> String {
        let path = packageRoot.appendingPathComponent("scripts/virtuoso.sh").path
        let result = try runCommand("/bin/bash", [path] + arguments)
        guard result.status == 0 else {
            throw Failure(description: "virtuoso.sh \(arguments.first ?? ""): \(result.stderr)")
        }
        return result.stdout
    }
}
