import CTerminalRestore

/// SIGTERM, SIGHUP and SIGINT (sent by another process: raw mode makes Ctrl-C a key), noticed so
/// the terminal loop can end and restore the terminal instead of dying mid-frame.
///
/// A plain `sigaction` handler (C: `CTerminalRestore`), in place when `catch()` returns, as in
/// joinup-remote: a dispatch signal source is armed later on another thread, and a stop sent right
/// after start was lost. The handler also writes to `IdleWake`'s pipe, so a sleeping loop wakes.
enum StopSignals {
    /// Starts catching the stop signals; until `release()` they no longer end the process.
    static func `catch`() {
        _ = jr_catch_stop_signals()
    }

    /// True once a stop signal has arrived.
    static var received: Bool { jr_stop_signal_received() != 0 }

    /// Gives the stop signals their previous actions back.
    static func release() {
        jr_release_stop_signals()
    }
}
