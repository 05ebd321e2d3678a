import Foundation

/// A message as the log keeps it: when it was shown (stamped by the store's runtime, since the
/// reducer has no clock; nil until then).
public struct LoggedMessage: Hashable, Sendable {
    public var message: StatusMessage
    public var shownAt: Date?

    public init(_ message: StatusMessage, shownAt: Date? = nil) {
        self.message = message
        self.shownAt = shownAt
    }
}

/// The status line's message and the log of every message shown, newest first.
public struct Messages: Hashable, Sendable {
    /// How many messages the log keeps.
    public static let logLimit = 200

    /// What the status line shows; nil shows the data's origin.
    public private(set) var current: StatusMessage?
    /// Newest first, at most `logLimit`.
    public private(set) var log: [LoggedMessage] = []

    public init() {}

    /// Shows a message and logs it. An info never hides a warning or an error (it is only
    /// logged); everything else replaces what is shown. Progress updates of one piece of work
    /// ("Syncing…: 3/5") replace each other in the log rather than filling it, and so does the
    /// same message said again (the same key pressed twice).
    public mutating func post(_ message: StatusMessage) {
        let replacesProgress = current?.kind == .busy && message.kind == .busy && log.first?.message.kind == .busy
        if replacesProgress || (current == message && log.first?.message == message) {
            log[0] = LoggedMessage(message)
        } else {
            log.insert(LoggedMessage(message), at: 0)
            if log.count > Self.logLimit { log.removeLast(log.count - Self.logLimit) }
        }
        if message.kind == .info, current?.staysUntilDismissed == true { return }
        current = message
    }

    /// Takes the message off the status line (Esc, or its work is over); the log keeps it.
    public mutating func dismiss() {
        current = nil
    }

    /// A command was issued: info and success have had their moment.
    public mutating func commandIssued() {
        if current?.endsWithNextCommand == true { current = nil }
    }

    /// Takes a message from `origin` off the status line (what it complained of is fixed).
    public mutating func resolve(_ origin: StatusMessage.Origin) {
        if current?.origin == origin { current = nil }
    }

    /// Gives the messages logged since the last call the time they were shown.
    public mutating func stamp(_ now: Date) {
        for index in log.indices {
            guard log[index].shownAt == nil else { break }
            log[index].shownAt = now
        }
    }
}
