import Foundation
import JoinupTestSupport
import Testing

/// A browser at rest sleeps until a key, a signal, a timer or a cache change wakes it.
@Suite(.serialized) struct IdleBrowserTests {
    /// Context switches of every thread of `pid` so far: each one is a wake-up (or a preemption).
    static func contextSwitches(of pid: Int32) -> Int {
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []
        return tasks.reduce(0) { total, task in
            let status = (try? String(contentsOfFile: "/proc/\(pid)/task/\(task)/status", encoding: .utf8)) ?? ""
            return total + status.split(separator: "\n").reduce(0) { sum, line in
                guard line.hasPrefix("voluntary_ctxt_switches:") || line.hasPrefix("nonvoluntary_ctxt_switches:") else { return sum }
                return sum + (Int(line.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) ?? 0)
            }
        }
    }

    @Test func anIdleBrowserWakesRarelyAndStillAnswersAtOnce() throws {
        let folder = try TemporaryFolder()
        let session = try TmuxSession.joinup(in: folder)
        try session.waitFor("ICT (8)")
        let pid = try TerminalEdgeCaseTests.browserPID(session)
        Thread.sleep(forTimeInterval: 2)  // let the first load's background work finish

        let seconds = 4.0
        let start = Self.contextSwitches(of: pid)
        Thread.sleep(forTimeInterval: seconds)
        let perSecond = Double(Self.contextSwitches(of: pid) - start) / seconds
        // The old loop woke every 8 ms (about 220 poll() calls a second); at rest only the
        // 1 s cross-process cache check and the 5 s outbox timer remain.
        #expect(perSecond < 20, "\(perSecond) wake-ups a second while idle")

        // Asleep, yet a key, a resize and Esc still get through at once.
        try session.send("2")
        try session.waitFor("59 members")
        try session.resize(width: 80, height: 24)
        try session.waitFor("the 80x24 frame") { $0.contains("59 members") && $0.split(separator: "\n").count <= 24 }
        try session.send("Escape", "1")
        try session.waitFor("ICT (8)")
        try session.send("q")
        #expect(try session.waitFor("EXIT=").contains("EXIT=0"))
    }
}
