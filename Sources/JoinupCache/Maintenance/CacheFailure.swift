import GRDB

extension CacheError {
    /// `error` as the user should read it: SQLite's "not a database", "malformed", I/O and
    /// can't-open failures become `unreadable` (which points at `joinup doctor`); others pass.
    public static func explaining(_ error: any Error, path: String) -> any Error {
        guard let database = error as? DatabaseError else { return error }
        switch database.resultCode.primaryResultCode {
        case .SQLITE_CORRUPT, .SQLITE_NOTADB, .SQLITE_IOERR, .SQLITE_CANTOPEN:
            return CacheError.unreadable(path: path, reason: database.message ?? "\(database.resultCode)")
        default:
            return error
        }
    }
}
