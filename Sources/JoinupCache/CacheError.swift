import Foundation

/// Why the cache could not be opened or read, worded for the person at the keyboard.
public enum CacheError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file was written by a newer joinup.
    case newerSchema(path: String)
    /// The file is not a joinup cache, or is damaged.
    case unreadable(path: String, reason: String)
    /// A collection the caller named is not in the cache.
    case unknownCollection(String)
    /// A write found the disk full; the transaction rolled back, so the cache is as it was.
    case diskFull(path: String)
    /// A write failed in the file system (a file-size limit, an I/O error); rolled back.
    case writeFailed(path: String, reason: String)
    /// This user cannot write the file or its folder (another user's cache, a read-only mount).
    case readOnly(path: String)
    /// A stored value this joinup does not know (a file edited behind its back): reported, never
    /// read as some default.
    case unreadableValue(column: String, value: String)

    public var description: String {
        switch self {
        case .newerSchema(let path):
            "The cache at \(path) was written by a newer version of joinup; this one leaves it untouched. Upgrade joinup, or run `joinup doctor --reset-cache` to move it aside and start afresh (it keeps your saved views when it can read them)."
        case .unreadable(let path, let reason):
            "Cannot open the cache at \(path): \(reason). Run `joinup doctor` for details, or `joinup doctor --reset-cache` to move it aside and start afresh (it keeps your saved views when it can read them)."
        case .unknownCollection(let name):
            "No collection \"\(name)\" in the cache. Run `joinup sync` first, or check the name."
        // The cause comes first: the browser's status line cuts long messages at the right.
        case .diskFull(let path):
            "Disk full: cannot write the cache at \(path); nothing was changed. Free some space, or keep the cache on another disk with --data-dir or JOINUP_DATA_DIR."
        case .writeFailed(let path, let reason):
            "Cannot write the cache at \(path) (\(reason): the disk may be full or a file-size limit reached); nothing was changed. Free some space, or keep the cache elsewhere with --data-dir or JOINUP_DATA_DIR."
        case .readOnly(let path):
            "Read-only: this user cannot write the cache at \(path) (another user's file, or a folder it cannot write). Reading works; to sync, join or save views use a cache of your own with --data-dir or JOINUP_DATA_DIR."
        case .unreadableValue(let column, let value):
            "The cache holds \"\(value)\" in \(column), which this joinup does not know. Run `joinup doctor --reset-cache` to move the cache aside and start afresh (it keeps your saved views when it can read them)."
        }
    }
}
