import ArgumentParser
import Foundation
import JoinupViews

/// `joinup themes`: the shipped and user themes, each with a swatch of every role.
struct Themes: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "themes",
        abstract: "List the themes (shipped ones and <config dir>/themes/*.toml) with a preview of each role.",
        discussion: """
            On a terminal each role is drawn in its colours (256 colours; none under NO_COLOR); \
            otherwise, or with --plain, the colours are written out. Exits 1 when a theme file is invalid.
            """)

    @OptionGroup var options: PathOptions

    @Flag(help: "Write colours as text instead of drawing them.")
    var plain = false

    @Flag(help: "Print Themes/REFERENCE.toml (every role, documented) and exit.")
    var reference = false

    func run() throws {
        if reference {
            print(ThemeReference.text, terminator: "")
            return
        }
        let environment = ProcessInfo.processInfo.environment
        let drawn = !plain && isatty(STDOUT_FILENO) == 1
        let depth: ColorDepth = (environment["NO_COLOR"] ?? "").isEmpty ? .colors256 : .none
        var failed = false
        for source in ThemeCatalog(userFolder: ConfigFile.themeFolder(options.paths)).all() {
            let origin = source.origin == .shipped ? "shipped" : source.file
            do {
                let theme = try source.parse()
                print("\(theme.name) (\(origin)) — \(theme.summary)")
                for line in ThemeSwatch.lines(theme, depth: depth, drawn: drawn) { print("  " + line) }
            } catch {
                failed = true
                print("\(source.name) (\(origin)) — invalid: \(error)")
            }
            print("")
        }
        if failed { throw ExitCode(1) }
    }
}
