import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#endif

/// The device and inode of the file a path names: equal only for the very same file.
struct CacheFileIdentity: Sendable, Equatable {
    var device: UInt64
    var inode: UInt64

    /// Nil when nothing is at `path`.
    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }
}

/// Refuses every commit once the path no longer names the file this cache opened: the write would
/// land in a moved-aside file that nobody reads again (a queued join lost while the user is told
/// it waits). One `stat` per commit, beside SQLite's own file work.
final class ReplacementGuard: TransactionObserver {
    private let path: String
    private let opened: CacheFileIdentity?

    init(path: String, opened: CacheFileIdentity?) {
        self.path = path
        self.opened = opened
    }

    func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool { false }
    func databaseDidChange(with event: DatabaseEvent) {}
    func databaseDidCommit(_ db: Database) {}
    func databaseDidRollback(_ db: Database) {}

    func databaseWillCommit() throws {
        if CacheFileIdentity(path: path) != opened { throw CacheAccessError.replaced(path: path) }
    }
}
