import ArgumentParser
import Foundation
import JoinupSettings
import JoinupViews

/// `joinup config`: where config.toml is read from, and whether it is valid.
struct Config: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Show where config.toml is read from, or check it.",
        discussion: """
            Keys: remote, theme, sync_interval, browser, mouse, readonly and a [keys] table (action = "key" \
            or ["key", …]). See README "Configuration". --check prints every problem as FILE:LINE: KEY: \
            MESSAGE and exits 1 when there is one.
            """)

    @OptionGroup var options: PathOptions

    @Flag(help: "Print the path of config.toml (whether or not it exists).")
    var path = false

    @Flag(help: "Validate config.toml (and the theme it names); exit 1 on any problem.")
    var check = false

    func run() throws {
        let paths = options.paths
        if path || !check {
            print(paths.configFile)
            if !check { return }
        }
        guard FileManager.default.fileExists(atPath: paths.configFile) else {
            print("\(paths.configFile): no such file; the defaults apply")
            return
        }
        var (config, issues) = AppConfig.load(path: paths.configFile)
        // The config's own problems in line order (key conflicts among them), then the theme's.
        issues = (issues + config.keyConflicts(file: paths.configFile)).inLineOrder()
        if let theme = config.theme {
            do {
                issues += try ThemeCatalog(userFolder: ConfigFile.themeFolder(paths)).find(theme).problems()
            } catch {
                issues.append(error)
            }
        }
        config.theme = nil
        guard !issues.isEmpty else {
            print("\(paths.configFile): OK")
            return
        }
        for issue in issues { print(issue) }
        throw ExitCode(1)
    }
}
