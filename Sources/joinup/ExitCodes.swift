import ArgumentParser

/// The exit codes of the membership commands (README "Exit codes").
enum MembershipExit {
    /// Delivered: joined, pending approval, or left.
    static let done = ExitCode(0)
    /// Something failed locally (cache, credentials file).
    static let failure = ExitCode(1)
    /// Usage: unknown collection, no terminal to confirm on, bad arguments.
    static let usage = ExitCode(2)
    /// Queued: not sent yet (remote unreachable, not signed in); delivered later.
    static let queued = ExitCode(3)
    /// Refused by the remote: blocked (403), owner cannot leave (409), or another refusal.
    static let refused = ExitCode(4)
    /// Read-only mode forbids the action.
    static let readonly = ExitCode(5)
}
