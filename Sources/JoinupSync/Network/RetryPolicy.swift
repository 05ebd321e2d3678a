import Foundation

/// When and how long the HTTP client waits before asking again.
///
/// Retries a busy answer (429/503, honouring `Retry-After`), a 500/502/504 and a connection that broke
/// mid-answer, at most `limits.retries` times, waiting `Retry-After` or 1 s, 2 s, 4 s… — but never
/// longer than `limits.maximumRetryWait` per wait, and only while the wait still ends inside the
/// request's overall budget (`limits.resourceTimeout` from the first attempt). Timeouts, refused
/// connections, oversized bodies and other statuses fail at once: waiting would not change them.
struct RetryPolicy: Sendable {
    let limits: HTTPClientLimits

    /// Runs `attempt` until it succeeds or may not be retried; `attempt` gets the whole seconds left
    /// of the budget (at least 1), its own deadline.
    func run<T>(url: String, _ attempt: (_ secondsLeft: Int) async throws(SyncError) -> T) async throws(SyncError) -> T {
        let started = ContinuousClock.now
        let budget = Duration.seconds(limits.resourceTimeout)
        var tries = 0
        while true {
            do {
                let left = budget - (ContinuousClock.now - started)
                return try await attempt(max(1, Int((Double(left.components.seconds) + Double(left.components.attoseconds) / 1e18).rounded(.up))))
            } catch {
                tries += 1
                guard tries <= limits.retries, let wait = delay(after: error, retry: tries) else { throw error }
                guard ContinuousClock.now - started + wait < budget else { throw error }
                do {
                    try await Task.sleep(for: wait)
                } catch {
                    throw .transport(url: url, detail: "cancelled")
                }
            }
        }
    }

    /// The wait before retry number `retry` (1-based), or nil when `error` is not worth retrying.
    func delay(after error: SyncError, retry: Int) -> Duration? {
        let backoff = Duration.seconds(min(limits.maximumRetryWait, 1 << min(retry - 1, 10)))
        switch error {
        case let .serverBusy(_, _, retryAfter?):
            return retryAfter <= limits.maximumRetryWait ? .seconds(retryAfter) : nil
        case .serverBusy, .connectionLost:
            return backoff
        case let .httpStatus(_, status) where [500, 502, 504].contains(status):
            return backoff
        default:
            return nil
        }
    }

    /// `Retry-After` as seconds from now: delta-seconds or an HTTP date (RFC 9110 §10.2.3).
    static func retryAfter(_ header: String?, now: Date = Date()) -> Int? {
        guard let text = header?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        if let seconds = Int(text) { return max(0, seconds) }
        guard let date = FeedDate.rfc822(text) else { return nil }
        return max(0, Int(date.timeIntervalSince(now).rounded(.up)))
    }
}
