import Foundation
import GRDB

extension CacheDatabase {
    /// How often `collectionChanges` looks for commits made by other processes.
    public static let crossProcessPollInterval: Duration = .seconds(1)

    /// Emits whenever a sync commits a change to any collection, and once at the start. Each store
    /// of a collection stamps its row, so watching those stamps is enough.
    ///
    /// Commits through this cache's own pool arrive at once (GRDB's ValueObservation); a
    /// `joinup sync` in another process is invisible to that, so the same stamps are also read
    /// every `pollInterval`. Both feed one comparison, so a change is emitted once. Each tick also
    /// checks that the path still names the opened file: a replaced file ends the stream with
    /// `CacheAccessError.replaced` rather than showing stale data for ever.
    public func collectionChanges(pollInterval: Duration = crossProcessPollInterval) -> AsyncThrowingStream<Void, Error> {
        let observation = ValueObservation.tracking(Self.changeStamp).removeDuplicates()
        let values = observation.values(in: pool)
        let pool = self.pool
        let path = self.path, identity = self.identity
        return AsyncThrowingStream { continuation in
            let latest = LatestStamp()
            let observed = Task {
                do {
                    for try await stamp in values where latest.isNew(stamp) { continuation.yield() }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            let polled = Task {
                while !Task.isCancelled {
                    try? await Task.sleep(for: pollInterval)
                    if CacheFileIdentity(path: path) != identity {
                        continuation.finish(throwing: CacheAccessError.replaced(path: path))
                        return
                    }
                    // A busy or briefly unreadable file is tried again at the next tick.
                    guard let stamp = try? await pool.read(Self.changeStamp) else { continue }
                    if latest.isNew(stamp) { continuation.yield() }
                }
            }
            continuation.onTermination = { _ in
                observed.cancel()
                polled.cancel()
            }
        }
    }

    /// Every collection's sync stamp and every alias's last success, as one string.
    @Sendable
    static func changeStamp(_ db: Database) throws -> String {
        try String.fetchOne(db, sql: """
            SELECT COALESCE((SELECT GROUP_CONCAT(uri || ':' || synced_at) FROM collection), '') || '|' ||
                   COALESCE((SELECT GROUP_CONCAT(alias || ':' || COALESCE(last_success, 0)) FROM sync_status), '')
            """) ?? ""
    }
}

/// The last stamp emitted, shared by the observation and the poll so each change is told once.
private final class LatestStamp: @unchecked Sendable {
    private let lock = NSLock()
    private var stamp: String?

    /// True (and remembered) when `candidate` differs from the last stamp; the first one counts as new.
    func isNew(_ candidate: String) -> Bool {
        lock.withLock {
            guard candidate != stamp else { return false }
            stamp = candidate
            return true
        }
    }
}
