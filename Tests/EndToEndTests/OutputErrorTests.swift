import Foundation
import JoinupTestSupport
import Testing

/// stdout that cannot be written: a full disk (/dev/full) and a reader that went away with SIGPIPE
/// ignored (a parent can start joinup that way; then every write fails with EPIPE instead).
@Suite(.timeLimit(.minutes(2)))
struct OutputErrorTests {
    let folder: TemporaryFolder
    var paths: [String] { ["--data-dir", folder.path("data"), "--config-dir", folder.path("config")] }

    init() throws {
        folder = try TemporaryFolder()
    }

    private func joinup(_ arguments: [String], stdout: FileHandle) throws -> CommandResult {
        try runCommand(builtBinary("joinup"), arguments, environment: ["HOME": folder.path("home")], standardOutput: stdout)
    }

    @Test func aFullDiskIsOneLineOnStderrAndExitOneForEveryCommand() throws {
        let remote = try RemoteProcess(data: fixtureFolder, folder: folder)
        defer { remote.server.stop() }
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let commands: [[String]] = [["items"], ["items", "--csv"], ["items", "--json"], ["members"], ["about"], ["topics"],
                                    ["doctor"], ["themes"], ["sync", "--remote", remote.base]]
        for command in commands {
            let result = try joinup(command + paths, stdout: full)
            #expect(result.status == 1, "\(command): exit \(result.status), \(result.stderr.prefix(300))")
            let lines = result.stderr.split(separator: "\n")
            #expect(lines.count == 1 && lines.first?.hasSuffix("cannot write to standard output: No space left on device.") == true,
                    "\(command): \(result.stderr.prefix(300))")
        }
    }

    @Test func aPipeClosedEarlyWithSIGPIPEIgnoredEndsQuietlyWithSIGPIPEsStatus() throws {
        #expect(try joinup(["about"] + paths, stdout: FileHandle.nullDevice).status == 0)  // imports the snapshot first
        for command: [String] in [["items"], ["items", "--json"], ["members"], ["about"], ["topics"], ["themes"]] {
            let pipe = Pipe()
            try pipe.fileHandleForReading.close()  // the reader is gone before joinup writes
            // `trap '' PIPE` before exec: an ignored signal stays ignored in the program exec'd.
            let result = try runCommand("/bin/sh", ["-c", "trap '' PIPE; exec \"$0\" \"$@\"", builtBinary("joinup")] + command + paths,
                                        environment: ["HOME": folder.path("home")], standardOutput: pipe.fileHandleForWriting)
            try pipe.fileHandleForWriting.close()
            #expect(result.status == 141, "\(command): exit \(result.status), \(result.stderr.prefix(300))")
            #expect(result.stderr.isEmpty, "\(command): \(result.stderr.prefix(300))")
        }
    }
}
