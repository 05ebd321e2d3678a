import Foundation
#if canImport(Glibc)
import Glibc
#endif
import JoinupTestSupport
import Testing

/// Ctrl-Z and Ctrl-C in a real terminal (tmux): the shell gets its terminal back on Ctrl-Z, `fg`
/// brings the browser back whole with its keys working, and Ctrl-C quits with `quit` remapped.
@Suite(.serialized) struct TerminalConventionsEndToEndTests {
    @Test func ctrlZSuspendsToTheShellAndFgRedrawsWithKeysWorking() throws {
        let folder = try TemporaryFolder()
        // An interactive shell with job control, as a user has one.
        let session = try TmuxSession(command: "env PS1='$ ' bash --norc --noprofile -i", width: 100, height: 30,
                                      environment: ["HOME": folder.path("home")])
        let words = [builtBinary("joinup"), "--data-dir", folder.path("data"), "--config-dir", folder.path("config")]
        try session.send("-l", words.map(shellQuoted).joined(separator: " "))
        try session.send("Enter")
        try session.waitFor("ICT (8)")
        try session.send("C-z")
        let shell = try session.waitFor("Stopped")
        #expect(!shell.contains("ICT (8)"), "the browser's frame is still on screen:\n\(shell)")
        let suspended = try session.tmux(["display-message", "-p", "#{alternate_on}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(suspended == "0", "the alternate screen is still on")
        try session.send("-l", "fg")
        try session.send("Enter")
        // The whole frame comes back (not only what changed), and the next keys are joinup's.
        try session.waitFor("ICT (8)")
        let redrawn = try session.waitFor("the header and the hints") { $0.contains("EC Open Source Programme Office") && $0.contains("? help") }
        #expect(!redrawn.contains("Stopped"), "\(redrawn)")
        try session.send("3")
        try session.waitFor("Description")
        try session.send("q")
        // The browser quits and the shell prompts again, its terminal as it was.
        let after = try session.waitFor("the shell's prompt") { screen in
            screen.split(separator: "\n").last { !$0.trimmingCharacters(in: .whitespaces).isEmpty }?
                .trimmingCharacters(in: .whitespaces) == "$"
        }
        #expect(!after.contains("ICT (8)"), "\(after)")
        let alternate = try session.tmux(["display-message", "-p", "#{alternate_on}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(alternate == "0")
    }

    @Test func ctrlCQuitsWithQuitRemapped() throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.path("config"), withIntermediateDirectories: true)
        try "[keys]\nquit = \"Q\"\n".write(toFile: folder.path("config/config.toml"), atomically: true, encoding: .utf8)
        let session = try TerminalEdgeCaseTests.session(folder)
        let screen = try session.waitFor("ICT (8)")
        #expect(screen.contains("Q quit"), "\(screen)")
        try session.send("C-c")
        try TerminalEdgeCaseTests.expectRestored(session, exit: "0", "Ctrl-C with quit = \"Q\"")
    }
}
