import CTerminalRestore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The terminal loop's idle sleep: over when a key (or mouse report, or hang-up) arrives on stdin,
/// a signal comes in (a resize; a stop) or the store's state changes (timers are effects whose
/// results change it), and not before. An idle browser is then asleep in `poll` rather than
/// looking every 8 ms (before: about 1,280 context switches a second over its threads, 2.5 % of
/// a core; BENCHMARKS.md).
///
/// ncurses stays on the main actor: only `InputWatcher`'s thread blocks in `poll`, and it reads
/// nothing — it only says that input is waiting, and the loop's `get_wch` takes it.
@MainActor
final class IdleWake {
    private var waiting: CheckedContinuation<Void, Never>?
    /// Sleeps in `poll` on stdin and the wake pipe; any thread may wake it.
    private nonisolated let input = InputWatcher()

    /// Starts watching stdin and relays SIGWINCH to the wake pipe. Call after `initscr`: the resize
    /// handler ncurses installs there still runs first (it queues the `KEY_RESIZE`).
    func start() {
        input.start { [weak self] in
            Task { @MainActor in self?.signal() }
        }
    }

    /// Stops the watcher and puts ncurses' own SIGWINCH handler back. Call before `endwin`.
    func stop() {
        input.stop()
        signal()
    }

    /// Ends the current wait, if any. A change while the loop is not waiting needs nothing: the
    /// loop checks for a pending draw and input before every wait, with no suspension in between,
    /// and the watcher sees input that arrived meanwhile as soon as it is armed.
    func signal() {
        guard let continuation = waiting else { return }
        waiting = nil
        continuation.resume()
    }

    /// Returns at the next input, signal or `signal()`.
    func wait() async {
        input.arm()
        await withCheckedContinuation { continuation in waiting = continuation }
    }
}

/// A thread asleep in `poll` on stdin and a self-pipe, armed by the loop before each wait and
/// reporting once per arming (stdin stays readable until the loop reads it: re-polling at once
/// would spin). Signals and other threads write a byte to the pipe to wake it.
final class InputWatcher: @unchecked Sendable {
    private let lock = NSLock()
    private let armed = DispatchSemaphore(value: 0)
    private var pipeEnds: (read: Int32, write: Int32) = (-1, -1)
    private var isPolling = false
    private var isStopped = false

    /// Creates the pipe, relays SIGWINCH into it (the stop signals' handler writes to it too, see
    /// `StopSignals`) and starts the thread; `ready` runs on that thread.
    func start(ready: @escaping @Sendable () -> Void) {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { return }
        for end in ends {
            _ = fcntl(end, F_SETFL, O_NONBLOCK)
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
        }
        let (readEnd, writeEnd) = (ends[0], ends[1])
        lock.withLock { pipeEnds = (readEnd, writeEnd) }
        _ = jr_relay_signal_to_fd(SIGWINCH, writeEnd)
        let thread = Thread { [self] in watch(readEnd: readEnd, ready: ready) }
        thread.name = "joinup-input-watcher"
        thread.start()
    }

    /// Lets the thread poll once more (no-op while it still polls from the last arming).
    func arm() {
        let start = lock.withLock {
            guard !isPolling, !isStopped else { return false }
            isPolling = true
            return true
        }
        if start { armed.signal() }
    }

    /// Wakes the thread (from `stop`): one byte on the pipe.
    private func wake() {
        // Under the lock: the thread closes the pipe under it too, so the descriptor is never stale.
        lock.withLock {
            guard pipeEnds.write >= 0 else { return }
            var byte: UInt8 = 1
            _ = write(pipeEnds.write, &byte, 1)
        }
    }

    /// Ends the thread; it closes the pipe on its way out.
    func stop() {
        jr_stop_relaying_signal(SIGWINCH)
        lock.withLock { isStopped = true }
        wake()
        armed.signal()
    }

    private func watch(readEnd: Int32, ready: @Sendable () -> Void) {
        while true {
            armed.wait()
            if lock.withLock({ isStopped }) { break }
            var descriptors = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                               pollfd(fd: readEnd, events: Int16(POLLIN), revents: 0)]
            while poll(&descriptors, 2, -1) < 0 && errno == EINTR {}
            drain(readEnd)
            lock.withLock { isPolling = false }
            if lock.withLock({ isStopped }) { break }
            ready()
        }
        lock.withLock {
            close(pipeEnds.read)
            close(pipeEnds.write)
            pipeEnds = (-1, -1)
        }
    }

    private func drain(_ readEnd: Int32) {
        var buffer = [UInt8](repeating: 0, count: 64)
        while read(readEnd, &buffer, buffer.count) > 0 {}
    }
}
