import ArgumentParser

/// The exit codes of every subcommand, one table (README "Exit codes").
enum JoinupExit {
    /// Done: the command did what it was asked (joined, pending approval, left, listed…).
    static let done = ExitCode(0)
    /// Something failed: the cache, a file, the network, a sync.
    static let failure = ExitCode(1)
    /// Usage: bad arguments (ArgumentParser's own errors included), no terminal to confirm on.
    static let usage = ExitCode(2)
    /// Queued: not sent yet (remote unreachable, not signed in); delivered later.
    static let queued = ExitCode(3)
    /// Refused by the remote: blocked (403), owner cannot leave (409), or another refusal.
    static let refused = ExitCode(4)
    /// Read-only mode forbids the action.
    static let readonly = ExitCode(5)
    /// Not found: an unknown collection, item, topic or outbox request.
    static let notFound = ExitCode(6)

    /// ArgumentParser's status for its own parse and validation errors (EX_USAGE), which joinup
    /// reports as `usage` like every other usage error.
    static let argumentParserUsage = ExitCode.validationFailure
}

/// The one style of joinup's messages on stderr: "joinup: <lower-case sentence>."
enum CLIMessage {
    /// `text` as a joinup message: prefixed, its first letter lower-cased (unless it starts an
    /// acronym or a URL-like word), and its first line ended by a full stop. Later lines (a
    /// query's caret, a usage line) follow unchanged.
    static func sentence(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var first = lines.first ?? ""
        while first.hasSuffix(" ") { first.removeLast() }
        if let head = first.first, head.isUppercase {
            let second = first.dropFirst().first
            if second == nil || second!.isLowercase || second! == " " { first = head.lowercased() + first.dropFirst() }
        }
        if let last = first.last, !".?!".contains(last) { first += "." }
        lines[0] = first
        return "joinup: " + lines.joined(separator: "\n")
    }

    /// Writes `text` on stderr in joinup's style.
    static func error(_ text: String) {
        stderrLine(sentence(text))
    }

    /// A warning: the same style, "joinup: warning: …".
    static func warning(_ text: String) {
        stderrLine("joinup: warning: " + sentence(text).dropFirst("joinup: ".count))
    }
}
