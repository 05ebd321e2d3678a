/// The terminal loop's idle pause: up to a timeout, but over as soon as the store's state changes,
/// so a result arriving from another thread (the first read of the cache, a filter change) is
/// drawn at once instead of after the rest of a fixed sleep (up to 8 ms; measured on the first frame).
@MainActor
final class IdleWake {
    private var waiting: CheckedContinuation<Void, Never>?
    /// Tells a timer apart from the timers of earlier waits.
    private var generation = 0

    /// Ends the current wait, if any. A change while the loop is not waiting needs nothing: the
    /// loop checks for a pending draw before every wait, with no suspension in between.
    func signal() {
        guard let continuation = waiting else { return }
        waiting = nil
        continuation.resume()
    }

    /// Returns after `timeout` or at the next `signal()`, whichever comes first.
    func wait(upTo timeout: Duration) async {
        generation += 1
        let mine = generation
        let timer = Task { @MainActor [weak self] in
            try? await Task.sleep(for: timeout)
            self?.timeUp(generation: mine)
        }
        await withCheckedContinuation { continuation in waiting = continuation }
        timer.cancel()
    }

    private func timeUp(generation: Int) {
        guard generation == self.generation else { return }
        signal()
    }
}
