import GRDB

extension CacheDatabase {
    /// Emits whenever a sync (in this process) commits a change to any collection, and once at
    /// the start. Each store of a collection stamps its row, so watching those stamps is enough.
    ///
    /// Only writes through this cache's connection pool are seen; another process's commits are not.
    public func collectionChanges() -> AsyncThrowingStream<Void, Error> {
        let observation = ValueObservation.tracking { db in
            try String.fetchOne(db, sql: """
                SELECT COALESCE((SELECT GROUP_CONCAT(uri || ':' || synced_at) FROM collection), '') || '|' ||
                       COALESCE((SELECT GROUP_CONCAT(alias || ':' || COALESCE(last_success, 0)) FROM sync_status), '')
                """) ?? ""
        }.removeDuplicates()
        let values = observation.values(in: pool)
        return AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    for try await _ in values { continuation.yield() }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }
}
