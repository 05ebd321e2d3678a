import Foundation

/// Why the cache could not be reset or kept in use: another joinup has it open, or the file was
/// swapped underneath this one. Worded for the person at the keyboard, one line each.
public enum CacheAccessError: Error, Equatable, Sendable, CustomStringConvertible {
    /// `doctor --reset-cache` refused: these processes have the cache open.
    case inUse(path: String, holders: [CacheHolder])
    /// Opening waited `CacheDatabase.busyTimeout` for a reset that did not end.
    case resetInProgress(path: String, holders: [CacheHolder])
    /// The file at `path` is no longer the one this process opened (moved, deleted or replaced).
    case replaced(path: String)
    /// The reset could not write the fresh cache; the old one is still at `path`, unchanged.
    case resetFailed(path: String, reason: String)

    public var description: String {
        switch self {
        case .inUse(let path, let holders):
            "the cache at \(path) is open in \(Self.naming(holders, otherwise: "another joinup process")); nothing was changed. Quit \(holders.count > 1 ? "them" : "it") and run `joinup doctor --reset-cache` again."
        case .resetInProgress(let path, let holders):
            "the cache at \(path) is being reset by \(Self.naming(holders, otherwise: "another joinup process")), which did not finish within \(Int(CacheDatabase.busyTimeout)) s; try again when it is done."
        case .replaced(let path):
            "the cache file at \(path) was replaced or moved by another program while this joinup had it open; nothing more is written to the old file. Start joinup again to use the new one."
        case .resetFailed(let path, let reason):
            "could not write a fresh cache beside \(path) (\(reason)); the old cache is kept in place, unchanged, with everything queued in it."
        }
    }

    /// "PID 12 (joinup browse), PID 34 (joinup sync)", or `otherwise` when nobody could be named.
    private static func naming(_ holders: [CacheHolder], otherwise: String) -> String {
        guard !holders.isEmpty else { return otherwise }
        return holders.map { "PID \($0.pid)" + ($0.command.isEmpty ? "" : " (\($0.command))") }.joined(separator: ", ")
    }
}
