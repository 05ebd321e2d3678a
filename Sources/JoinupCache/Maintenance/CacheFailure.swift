import GRDB

extension CacheError {
    /// `error` as the user should read it: a full disk, a failed write and a file this user cannot
    /// write get their own one-line errors (naming the setting to change); "not a database",
    /// "malformed", other I/O and can't-open failures become `unreadable` (which points at
    /// `joinup doctor`); others pass.
    public static func explaining(_ error: any Error, path: String) -> any Error {
        guard let database = error as? DatabaseError else { return error }
        if writeFailures.contains(database.extendedResultCode) {
            return CacheError.writeFailed(path: path, reason: database.message ?? "\(database.resultCode)")
        }
        switch database.resultCode.primaryResultCode {
        case .SQLITE_FULL:
            return CacheError.diskFull(path: path)
        case .SQLITE_READONLY:
            return CacheError.readOnly(path: path)
        case .SQLITE_CORRUPT, .SQLITE_NOTADB, .SQLITE_IOERR, .SQLITE_CANTOPEN:
            return CacheError.unreadable(path: path, reason: database.message ?? "\(database.resultCode)")
        default:
            return error
        }
    }

    /// `error` in one line for a status line or stderr: never GRDB's multi-line "while executing `SQL`".
    public static func oneLine(_ error: any Error, path: String) -> String {
        switch explaining(error, path: path) {
        case let cacheError as CacheError:
            return cacheError.description
        case let database as DatabaseError:
            return "The cache at \(path) refused the change (SQLite error \(database.resultCode.rawValue): \(database.message ?? "unknown"))."
        case let other:
            return "\(other)".split(whereSeparator: \.isNewline).joined(separator: " ")
        }
    }

    /// I/O errors that mean a write (not a read) failed: ENOSPC reported late, EFBIG past a
    /// file-size limit (SQLite says SQLITE_FULL only for a short write), a failed fsync.
    static var writeFailures: [ResultCode] { [.SQLITE_IOERR_WRITE, .SQLITE_IOERR_FSYNC,
                                                 .SQLITE_IOERR_DIR_FSYNC, .SQLITE_IOERR_TRUNCATE] }

    /// True when `error` says the disk or a file-size limit refused a write.
    static func isOutOfSpace(_ error: DatabaseError) -> Bool {
        error.resultCode.primaryResultCode == .SQLITE_FULL || writeFailures.contains(error.extendedResultCode)
    }
}
