/// A message in the status line: what it says, how much it matters, and so how long it stays.
public struct StatusMessage: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// Chatter about the last command ("Sorted newest first"): gone at the next command.
        case info
        /// A result the user asked for ("Synced 14:02 · 3 new"): gone at the next command.
        case success
        /// Something did not go as asked but nothing failed: stays until dismissed.
        case warning
        /// Something failed: stays until dismissed (Esc) or replaced.
        case error
        /// Work in progress ("Syncing…"): stays until its work reports.
        case busy
    }

    /// Where a message came from, when a later success there makes it stale (a query error
    /// once the query parses).
    public enum Origin: Hashable, Sendable {
        case query
    }

    public var kind: Kind
    /// The whole text, never cut: the status line cuts what it shows, the message log shows all.
    public var text: String
    /// A part of `text` (a collection's title) the status line shortens first, so that the rest —
    /// the outcome — stays visible.
    public var subject: String?
    public var origin: Origin?

    public init(_ kind: Kind, _ text: String, subject: String? = nil, origin: Origin? = nil) {
        self.kind = kind
        self.text = text
        self.subject = subject
        self.origin = origin
    }

    /// Warnings and errors stay on screen until the user dismisses them.
    public var staysUntilDismissed: Bool { kind == .warning || kind == .error }

    /// Info and success end with the next command (a key press or a click).
    public var endsWithNextCommand: Bool { kind == .info || kind == .success }
}
