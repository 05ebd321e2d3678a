import Foundation

/// Where joinup keeps its files: flag, then environment variable, then XDG, then the home default.
struct AppPaths: Equatable {
    var dataDirectory: String
    var configDirectory: String

    var cacheFile: String { (dataDirectory as NSString).appendingPathComponent("joinup.sqlite") }
    var configFile: String { (configDirectory as NSString).appendingPathComponent("config.toml") }

    static func resolve(dataFlag: String?, configFlag: String?,
                        environment: [String: String] = ProcessInfo.processInfo.environment) -> AppPaths {
        let home = environment["HOME"] ?? NSHomeDirectory()
        func xdg(_ variable: String, fallback: String) -> String {
            if let value = environment[variable], value.hasPrefix("/") { return value }
            return (home as NSString).appendingPathComponent(fallback)
        }
        let data = dataFlag ?? nonEmpty(environment["JOINUP_DATA_DIR"])
            ?? (xdg("XDG_DATA_HOME", fallback: ".local/share") as NSString).appendingPathComponent("joinup")
        let config = configFlag ?? nonEmpty(environment["JOINUP_CONFIG_DIR"])
            ?? (xdg("XDG_CONFIG_HOME", fallback: ".config") as NSString).appendingPathComponent("joinup")
        return AppPaths(dataDirectory: data, configDirectory: config)
    }

    /// Creates the data folder when missing, readable by its owner only (it holds the cache and the
    /// outbox: which collections you follow and what you asked to join). An existing folder is left as it is.
    /// A folder that cannot be made is one line naming it and the settings that choose it
    /// (Foundation's own error is "NSCocoaErrorDomain Code=513").
    func createDataDirectory() throws {
        guard !FileManager.default.fileExists(atPath: dataDirectory) else { return }
        do {
            try FileManager.default.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            let underlying = ((error as NSError).userInfo[NSUnderlyingErrorKey] as? any Error).map { $0 as NSError }
            let reason = underlying.flatMap { $0.domain == NSPOSIXErrorDomain ? String(cString: strerror(Int32($0.code))) : nil }
                ?? error.localizedDescription
            throw CommandFailure(message: "cannot create the data folder \(dataDirectory) (\(reason)); choose a folder you can write with --data-dir, JOINUP_DATA_DIR or XDG_DATA_HOME",
                                 exitCode: JoinupExit.failure)
        }
    }

    private static func nonEmpty(_ value: String?) -> String? {
        guard let value, !value.isEmpty else { return nil }
        return value
    }
}
