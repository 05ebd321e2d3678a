import Foundation
import JoinupTestSupport
import Testing

/// A long error in the real binary at 80x24: cut with "(M: more)", whole in the log `M` opens,
/// and gone from the status line only when Esc dismisses it.
@Suite(.serialized) struct MessageEndToEndTests {
    /// The screen's text with the box drawing and the log's column gaps folded away, so a
    /// message wrapped over several lines reads as one.
    static func flattened(_ screen: String) -> String {
        screen.replacingOccurrences(of: "│", with: " ")
            .split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
    }

    @Test func aLongErrorSaysMoreAndMShowsItWhole() throws {
        let folder = try TemporaryFolder()
        // Port 9 (discard) has no listener on a test machine: the connection is refused.
        let session = try TmuxSession.joinup(in: folder, arguments: ["--remote", "http://127.0.0.1:9"])
        try session.waitFor("ICT (8)")
        try session.resize(width: 80, height: 24)
        try session.send("r")
        let cut = try session.waitFor("the cut error") { $0.contains("Sync failed") && $0.contains("(M: more)") }
        let statusLine = cut.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)[23]
        #expect(statusLine.contains("? help"), "the help hint stays beside a long message:\n\(cut)")
        #expect(!statusLine.contains("Is the remote running?"), "the reason does not fit 80 columns:\n\(cut)")
        // Keys go on working and the error stays.
        try session.send("j")
        try session.send("M")
        let log = try session.waitFor("the message log") { $0.contains("Messages, newest first") }
        let whole = Self.flattened(log)
        #expect(whole.contains("Sync failed: directory: http://127.0.0.1:9"), "\(log)")
        #expect(whole.contains("cannot connect (") && whole.contains("Is the remote running?"), "the reason is reachable:\n\(log)")
        // Esc closes the log; Esc again dismisses the error.
        try session.send("Escape")
        try session.waitFor("the log closed") { !$0.contains("Messages, newest first") && $0.contains("(M: more)") }
        try session.send("Escape")
        try session.waitFor("the error dismissed") { !$0.contains("Sync failed") && $0.contains("ICT (8)") }
        try session.send("q")
        #expect(try session.waitFor("EXIT=").contains("EXIT=0"))
        #expect(!FileManager.default.fileExists(atPath: folder.path("home")), "touched HOME")
    }
}
