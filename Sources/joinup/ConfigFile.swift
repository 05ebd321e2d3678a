import Foundation
import JoinupSettings

/// Reading config.toml for a subcommand: the good parts are used, problems go to stderr.
enum ConfigFile {
    static func load(_ paths: AppPaths) -> AppConfig {
        let (config, issues) = AppConfig.load(path: paths.configFile)
        for issue in issues {
            CLIMessage.warning("\(issue) (ignored)")
        }
        return config
    }

    /// The user's theme folder: `<config dir>/themes`.
    static func themeFolder(_ paths: AppPaths) -> String {
        (paths.configDirectory as NSString).appendingPathComponent("themes")
    }
}
