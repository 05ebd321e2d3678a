import Foundation

/// Why the cache could not be opened or read, worded for the person at the keyboard.
public enum CacheError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file was written by a newer joinup.
    case newerSchema(path: String)
    /// The file is not a joinup cache, or is damaged.
    case unreadable(path: String, reason: String)
    /// A collection the caller named is not in the cache.
    case unknownCollection(String)

    public var description: String {
        switch self {
        case .newerSchema(let path):
            "The cache at \(path) was written by a newer version of joinup; this one leaves it untouched. Upgrade joinup, or run `joinup doctor --reset-cache` to move it aside and start afresh (it keeps your saved views when it can read them)."
        case .unreadable(let path, let reason):
            "Cannot open the cache at \(path): \(reason). Run `joinup doctor` for details, or `joinup doctor --reset-cache` to move it aside and start afresh (it keeps your saved views when it can read them)."
        case .unknownCollection(let name):
            "No collection \"\(name)\" in the cache. Run `joinup sync` first, or check the name."
        }
    }
}
