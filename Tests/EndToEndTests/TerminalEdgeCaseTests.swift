import Foundation
#if canImport(Glibc)
import Glibc
#endif
import JoinupTestSupport
import Testing

/// The terminal at its edges: crashes, Ctrl-C, tiny and resizing windows, a non-UTF-8 locale, a pipe.
@Suite(.serialized) struct TerminalEdgeCaseTests {
    /// A shell line running the built `joinup` on `folder`, then printing its exit status and the
    /// terminal modes it left behind (`sh -c` restores nothing itself, unlike an interactive bash).
    static func browserLine(_ folder: TemporaryFolder, prefix: String = "", suffix: String = "") -> String {
        let words = [builtBinary("joinup"), "--data-dir", folder.path("data"), "--config-dir", folder.path("config")]
        return prefix + words.map(shellQuoted).joined(separator: " ") + suffix
            + "; echo \"EXIT=$?\"; stty -a | tr -s ' ;' '\\n\\n' | grep -x -e '-\\{0,1\\}echo' -e '-\\{0,1\\}icanon' | tr '\\n' ' '; echo MODES; sleep 60"
    }

    static func session(_ folder: TemporaryFolder, width: Int = 100, height: Int = 30, prefix: String = "") throws -> TmuxSession {
        try TmuxSession(command: browserLine(folder, prefix: prefix), width: width, height: height,
                        environment: ["HOME": folder.path("home")])
    }

    /// The browser's process: the pane shell's child named joinup (read from /proc: no procps needed).
    static func browserPID(_ session: TmuxSession) throws -> Int32 {
        let pane = try session.tmux(["display-message", "-p", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline {
            for entry in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
                guard let pid = Int32(entry),
                      let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                      let close = stat.lastIndex(of: ")") else { continue }
                // "pid (comm) state ppid …"; comm may hold spaces, so split after the last ")".
                let name = stat[stat.index(after: stat.firstIndex(of: "(")!)..<close]
                let fields = stat[stat.index(after: close)...].split(separator: " ")
                if name == "joinup", fields.count > 1, fields[1] == pane { return pid }
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw ProcessError.timedOut("no joinup under pane \(pane)")
    }

    /// Waits for the shell line's epilogue and checks the terminal is as the shell left it:
    /// normal screen, visible cursor, echo and canonical input on.
    static func expectRestored(_ session: TmuxSession, exit: String, _ context: String) throws {
        let screen = try session.waitFor("MODES")
        #expect(screen.contains("EXIT=\(exit)"), "\(context): exit status in\n\(screen)")
        let modes = screen.components(separatedBy: "\n").first { $0.hasSuffix("MODES") } ?? ""
        #expect(modes.split(separator: " ").contains("echo") && modes.split(separator: " ").contains("icanon"),
                "\(context): terminal modes left as \(modes)")
        let flags = try session.tmux(["display-message", "-p", "#{alternate_on} #{cursor_flag}"])
            .trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(flags == "0 1", "\(context): alternate screen / cursor flags \(flags)")
        #expect(!screen.contains("ICT (8)"), "\(context): the browser's frame is still on screen:\n\(screen)")
    }

    @Test(arguments: [("SEGV", SIGSEGV), ("ABRT", SIGABRT), ("BUS", SIGBUS), ("FPE", SIGFPE), ("ILL", SIGILL)])
    func aCrashSignalRestoresTheTerminal(name: String, number: Int32) throws {
        let folder = try TemporaryFolder()
        let session = try Self.session(folder)
        try session.waitFor("ICT (8)")
        kill(try Self.browserPID(session), number)
        // The shell reports a death by signal n as status 128 + n.
        try Self.expectRestored(session, exit: "\(128 + number)", "SIG\(name)")
    }

    @Test func ctrlCAndAnInterruptFromOutsideRestoreTheTerminal() throws {
        let folder = try TemporaryFolder()
        let typed = try Self.session(folder)
        try typed.waitFor("ICT (8)")
        try typed.send("C-c")
        try Self.expectRestored(typed, exit: "0", "Ctrl-C")

        let sent = try Self.session(folder)
        try sent.waitFor("ICT (8)")
        kill(try Self.browserPID(sent), SIGINT)
        try Self.expectRestored(sent, exit: "0", "SIGINT")
    }

    /// SIGTERM sent the moment the browser has taken the signal over (its handler, or the old
    /// SIG_IGN of a dispatch source not armed yet, shows in /proc), before its first frame: the
    /// loop must still see it, restore the terminal and exit 0.
    @Test func aStopRightAfterStartRestoresTheTerminal() throws {
        let folder = try TemporaryFolder()
        for attempt in 1...3 {
            let session = try Self.session(folder)
            let pid = try Self.browserPID(session)
            try Self.waitUntilHandling(SIGTERM, pid: pid)
            kill(pid, SIGTERM)
            try Self.expectRestored(session, exit: "0", "SIGTERM right after start, attempt \(attempt)")
        }
    }

    /// Polls the process's caught and ignored signal masks (/proc/<pid>/status: SigCgt, SigIgn,
    /// hex, bit n-1 for signal n) until `number` is in one of them.
    static func waitUntilHandling(_ number: Int32, pid: Int32) throws {
        let bit = UInt64(1) << UInt64(number - 1)
        let deadline = Date().addingTimeInterval(TmuxSession.patience)
        while Date() < deadline {
            let status = (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)) ?? ""
            for line in status.split(separator: "\n") where line.hasPrefix("SigCgt:") || line.hasPrefix("SigIgn:") {
                let mask = UInt64(line.split(separator: "\t").last ?? "", radix: 16) ?? 0
                if mask & bit != 0 { return }
            }
            usleep(500)
        }
        throw ProcessError.timedOut("process \(pid) never took signal \(number) over")
    }

    @Test func aTwentyBySixTerminalSaysTooSmallAndWorksWhenEnlarged() throws {
        let folder = try TemporaryFolder()
        let session = try Self.session(folder, width: 20, height: 6)
        // The message in two lines centred on 20 columns and 6 rows: what only a frame drawn for
        // this size shows (at 100x30 it is one line; a cut frame would not be centred).
        try session.waitFor("the message centred at 20x6") { screen in
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            return lines.count >= 4 && lines[2] == " Terminal too small" && lines[3] == "    (need 40x12)"
        }
        try session.resize(width: 100, height: 30)
        try session.waitFor("ICT (8)")
        try session.send("2")
        try session.waitFor("Facilitator")
        try session.send("q")
        try Self.expectRestored(session, exit: "0", "after enlarging")
    }

    @Test func aStormOfResizesEndsOnTheRightFrameAndKeysStillWork() throws {
        let folder = try TemporaryFolder()
        let session = try Self.session(folder)
        try session.waitFor("ICT (8)")
        // 50 resizes within 2 s, sizes from a fixed sequence (some too small), then a final size.
        var sizes = SplitMix64(seed: 7)
        for _ in 0..<50 {
            try session.resize(width: Int.random(in: 20..<140, using: &sizes), height: Int.random(in: 6..<46, using: &sizes))
            Thread.sleep(forTimeInterval: 0.03)
        }
        try session.resize(width: 90, height: 28)
        try session.send("2")
        try session.waitFor("Facilitator")
        try session.send("1")
        let stormed = try Self.settled(session, showing: "ICT (8)")

        // The same size from the start draws the same frame.
        let calm = try TmuxSession(command: Self.browserLine(folder), width: 90, height: 28,
                                   environment: ["HOME": folder.path("home")])
        let expected = try Self.settled(calm, showing: "ICT (8)")
        #expect(stormed == expected, "after the storm:\n\(stormed)\nfrom the start:\n\(expected)")
        try session.send("q")
        try Self.expectRestored(session, exit: "0", "after the storm")
    }

    /// The screen once it shows `text` and has not changed for a quarter of a second (a capture
    /// taken mid-frame would compare half of one frame with another).
    static func settled(_ session: TmuxSession, showing text: String) throws -> String {
        var previous = try session.waitFor(text)
        let deadline = Date().addingTimeInterval(TmuxSession.patience)
        while Date() < deadline {
            Thread.sleep(forTimeInterval: 0.25)
            let current = try session.screen()
            if current == previous { return current }
            previous = current
        }
        return previous
    }

    @Test func aPOSIXLocaleStillDrawsNonASCII() throws {
        let folder = try TemporaryFolder()
        let session = try Self.session(folder, prefix: "LANG=C LC_ALL=C ")
        // The header and the list load side by side: wait for both (their ASCII parts), then look
        // at the non-ASCII characters beside them.
        let screen = try session.waitFor("header and facets") { $0.contains("59 members") && $0.contains("ICT (8)") }
        // "·" and the category marker "▸" only survive if joinup switched to a UTF-8 locale.
        #expect(screen.contains("59 members · 0 Solutions"), "\(screen)")
        #expect(screen.contains("▸"), "\(screen)")
        try session.send("q")
        try Self.expectRestored(session, exit: "0", "LANG=C")
    }

    @Test func stdoutIntoAPipeNamesTheHeadlessCommands() throws {
        let folder = try TemporaryFolder()
        let words = [builtBinary("joinup"), "--data-dir", folder.path("data"), "--config-dir", folder.path("config")]
        let session = try TmuxSession(command: words.map(shellQuoted).joined(separator: " ")
                                        + " | cat; echo \"EXIT=${PIPESTATUS:-?}\"; sleep 60",
                                      environment: ["HOME": folder.path("home")])
        let screen = try session.waitFor("EXIT=").replacingOccurrences(of: "\n", with: "")
        #expect(screen.contains("standard output is not a terminal"), "\(screen)")
        #expect(screen.contains("joinup items") && screen.contains("joinup about"), "\(screen)")
        let flags = try session.tmux(["display-message", "-p", "#{alternate_on}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(flags == "0")
    }
}
