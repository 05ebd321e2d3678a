import Foundation
import JoinupModel
#if canImport(Glibc)
import Glibc
#endif

/// A process that holds the cache open, named by `/proc/locks` and its command line.
public struct CacheHolder: Sendable, Equatable {
    public var pid: Int32
    /// The command line, made safe for a terminal; empty when it could not be read.
    public var command: String
}

/// The lock file beside the cache (`joinup.sqlite.lock`): every process that opens the cache
/// holds a shared `flock` on it for as long as it has the file open, and `doctor --reset-cache`
/// needs it exclusively, so a reset never pulls the file from under a running joinup.
///
/// A separate file because the reset renames the database and the lock must outlive it; `flock`
/// rather than `fcntl` because its locks belong to the open file description, so SQLite closing
/// its own descriptors of the database never drops ours.
final class CacheLock: Sendable {
    private let descriptor: Int32

    private init(descriptor: Int32) { self.descriptor = descriptor }

    /// Closing the only descriptor of the open file releases its lock.
    deinit { close(descriptor) }

    static func path(forCache cachePath: String) -> String { cachePath + ".lock" }

    /// Takes the shared lock, waiting up to `timeout` for a reset in progress to end. Nil when no
    /// lock file can be created or opened (a folder or file this user cannot write): no reset can
    /// rename the cache there either.
    static func shared(cachePath: String, timeout: TimeInterval) throws -> CacheLock? {
        guard let descriptor = openLockFile(cachePath) else { return nil }
        let deadline = Date().addingTimeInterval(timeout)
        while flock(descriptor, LOCK_SH | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR, Date() < deadline else {
                let holders = holders(cachePath: cachePath)
                close(descriptor)
                throw CacheAccessError.resetInProgress(path: cachePath, holders: holders)
            }
            usleep(20_000)
        }
        return CacheLock(descriptor: descriptor)
    }

    /// Takes the exclusive lock at once or throws `CacheAccessError.inUse` naming who holds it.
    static func exclusive(cachePath: String) throws -> CacheLock {
        guard let descriptor = openLockFile(cachePath) else {
            throw CacheAccessError.resetFailed(path: cachePath, reason: "cannot create \(path(forCache: cachePath)): \(String(cString: strerror(errno)))")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let holders = holders(cachePath: cachePath)
            close(descriptor)
            throw CacheAccessError.inUse(path: cachePath, holders: holders)
        }
        return CacheLock(descriptor: descriptor)
    }

    /// Read-write (created owner-only) when possible, else read-only: `flock` needs neither.
    private static func openLockFile(_ cachePath: String) -> Int32? {
        let lockPath = path(forCache: cachePath)
        let writable = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        if writable >= 0 { return writable }
        let readable = open(lockPath, O_RDONLY | O_CLOEXEC)
        return readable >= 0 ? readable : nil
    }

    /// The processes holding a lock on the cache's lock file, from `/proc/locks` (readable by
    /// every user, unlike other users' `/proc/PID/fd`); empty where there is no `/proc`.
    static func holders(cachePath: String) -> [CacheHolder] {
        var info = stat()
        guard stat(path(forCache: cachePath), &info) == 0,
              let locks = try? String(contentsOfFile: "/proc/locks", encoding: .utf8) else { return [] }
        let pids = lockingPIDs(procLocks: locks, device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
        return pids.map { CacheHolder(pid: $0, command: commandLine(of: $0)) }
    }

    /// The PIDs holding (not waiting for) a `flock` on the file `device`/`inode`, in order, once each.
    /// A line reads `1: FLOCK  ADVISORY  READ 5698 fe:00:16223077 0 EOF` (major and minor in hex).
    static func lockingPIDs(procLocks: String, device: UInt64, inode: UInt64) -> [Int32] {
        // glibc's encoding of dev_t (gnu_dev_major / gnu_dev_minor).
        let major = ((device >> 8) & 0xfff) | ((device >> 32) & ~0xfff)
        let minor = (device & 0xff) | ((device >> 12) & ~0xff)
        var pids: [Int32] = []
        for line in procLocks.split(separator: "\n") where !line.contains("->") {
            let fields = line.split(separator: " ")
            guard fields.count >= 6, fields[1] == "FLOCK", let pid = Int32(fields[4]) else { continue }
            let file = fields[5].split(separator: ":")
            guard file.count == 3, UInt64(file[0], radix: 16) == major, UInt64(file[1], radix: 16) == minor,
                  UInt64(file[2]) == inode, !pids.contains(pid) else { continue }
            pids.append(pid)
        }
        return pids.sorted()
    }

    /// `/proc/PID/cmdline` with spaces between the arguments, cut to a line a terminal can show.
    private static func commandLine(of pid: Int32) -> String {
        guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return "" }
        let words = data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
        let line = TerminalText.line(words.joined(separator: " "))
        return line.count > 160 ? String(line.prefix(159)) + "…" : line
    }
}
