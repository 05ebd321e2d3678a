import Foundation
import JoinupTestSupport
import Testing

/// joinup(1) as scripts/generate-docs.py writes it from the built binary, checked against what the
/// binary says and does: its --help (every command and option), its key table, the exit codes it
/// returns, the files it writes and the environment variables it reads. The hand-written sections
/// (scripts/packaging/joinup.sections.roff) cannot drift without failing here.
@Suite struct ManualPageTests {
    let folder: TemporaryFolder
    let page: ManualPage

    init() throws {
        folder = try TemporaryFolder()
        let binaries = (builtBinary("joinup") as NSString).deletingLastPathComponent
        let generated = try runCommand("/usr/bin/env", ["python3", packageRoot.path + "/scripts/generate-docs.py", binaries,
                                                        folder.path("docs")])
        #expect(generated.status == 0, "\(generated.stderr)")
        page = ManualPage(roff: try String(contentsOfFile: folder.path("docs") + "/man/joinup.1", encoding: .utf8))
    }

    private func joinup(_ arguments: [String]) throws -> CommandResult {
        try runCommand(builtBinary("joinup"), arguments + ["--data-dir", folder.path("data"), "--config-dir", folder.path("config")],
                       environment: ["HOME": folder.path("home")])
    }

    /// `joinup --help`'s SUBCOMMANDS, then each one's options: all in COMMANDS, under their command.
    @Test func everyCommandAndOptionOfTheHelpIsInCommands() throws {
        let help = try runCommand(builtBinary("joinup"), ["--help"]).stdout
        let subcommands = helpBlock(help, "SUBCOMMANDS:").compactMap { $0.split(separator: " ").first.map(String.init) }
        #expect(subcommands.count >= 10, "\(help)")
        let commands = page.section("COMMANDS")
        for name in subcommands {
            let text = try #require(commands.subsection("joinup \(name)"), "joinup \(name) missing from COMMANDS")
            let options = helpBlock(try runCommand(builtBinary("joinup"), [name, "--help"]).stdout, "OPTIONS:")
                .flatMap { $0.split(separator: " ").filter { $0.hasPrefix("--") }.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ",")) } }
                .filter { $0 != "--help" && $0 != "--version" }
            for option in options { #expect(text.contains(option), "joinup \(name): \(option) missing") }
        }
        #expect(commands.subsection("joinup complete") == nil, "the hidden subcommand is not documented")
    }

    @Test func keysAreTheBinarysKeyTable() throws {
        let table = try joinup(["complete", "keys"]).stdout.split(separator: "\n")
        #expect(table.count >= 30)
        let keys = page.section("KEYS")
        for row in table {
            let fields = row.split(separator: "\t").map(String.init)
            let text = try #require(keys.subsection(fields[0]), "section \(fields[0]) missing")
            #expect(text.contains(fields[1] + "\n" + fields[2]), "\(fields) missing")
        }
    }

    @Test func everyExitCodeTheBinaryReturnsIsDocumented() throws {
        let documented = Set(page.section("EXIT STATUS").terms.compactMap { Int32($0) })
        let observed: [(String, Int32)] = [
            ("--version", try joinup(["--version"]).status),
            ("an unknown type", try joinup(["items", "--type", "podcast"]).status),
            ("an unknown option", try joinup(["items", "--no-such-option"]).status),
            ("the browser without a terminal", try joinup([]).status),
            ("join, read-only", try joinup(["join", "ec-open-source-programme-office", "--yes", "--readonly"]).status),
            ("join, no remote", try joinup(["join", "ec-open-source-programme-office", "--yes"]).status),
            ("an unknown collection", try joinup(["items", "--collection", "nope"]).status),
        ]
        #expect(Set(observed.map(\.1)) == [0, 2, 5, 3, 6], "\(observed)")
        for (what, status) in observed { #expect(documented.contains(status), "\(what): exit \(status) undocumented") }
        // The codes the help itself names ("exit 0 done, 3 queued, …", "Exit: … 2 usage, 1 error").
        let helps = [try runCommand(builtBinary("joinup"), ["--help"]).stdout, try runCommand(builtBinary("joinup"), ["join", "--help"]).stdout]
        let named = helps.flatMap { help in
            help.matches(of: /(\d+)\s+(done|queued|refused|read-only|unknown collection|usage|error)/).compactMap { Int32($0.output.1) }
        }
        #expect(Set(named).count >= 5, "\(helps)")
        for code in named { #expect(documented.contains(code), "exit \(code) named by --help, not documented") }
    }

    @Test func filesNameWhatTheBinaryWrites() throws {
        let files = page.section("FILES").terms.joined(separator: "\n")
        #expect(try joinup(["items"]).status == 0)
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path("data")) where !name.hasSuffix("-wal") && !name.hasSuffix("-shm") {
            #expect(page.section("FILES").text.contains(name), "\(name) in the data folder is not in FILES")
        }
        let configPath = try joinup(["config", "--path"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(files.contains("/joinup/" + (configPath as NSString).lastPathComponent))
        #expect(try runCommand(builtBinary("joinup"), ["themes", "--help"]).stdout.contains("<config dir>/themes/*.toml"))
        #expect(files.contains("/joinup/themes/*.toml"))
        // What `joinup login` stores, against a real joinup-remote.
        let state = folder.url.appendingPathComponent("remote-state")
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        try #"{"users": [{"token": "t-ana", "id": "u-ana", "name": "Ana Novak"}]}"#
            .write(to: state.appendingPathComponent("users.json"), atomically: true, encoding: .utf8)
        let remote = try RemoteProcess(data: fixtureFolder, extra: ["--state-dir", state.path], folder: folder)
        try "t-ana".write(toFile: folder.path("token"), atomically: true, encoding: .utf8)
        let login = try joinup(["login", "--token-file", folder.path("token"), "--remote", remote.base])
        #expect(login.status == 0, "\(login.stderr)")
        let stored = try FileManager.default.contentsOfDirectory(atPath: folder.path("config"))
        #expect(!stored.isEmpty)
        for name in stored { #expect(files.contains("/joinup/" + name), "\(name) in the config folder is not in FILES") }
    }

    /// Every variable the help names and every one the sources read is documented, and nothing
    /// documented is unread (JOINUP_RETRY_SECONDS is a hook of the end-to-end tests, not for users).
    @Test func environmentIsWhatTheBinaryReads() throws {
        let documented = Set(page.section("ENVIRONMENT").terms.flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } })
        var helpText = try runCommand(builtBinary("joinup"), ["--help"]).stdout
        for line in helpBlock(helpText, "SUBCOMMANDS:") {
            if let name = line.split(separator: " ").first { helpText += try runCommand(builtBinary("joinup"), [String(name), "--help"]).stdout }
        }
        let named = Set(helpText.matches(of: /\$?\b(JOINUP_[A-Z_]+|XDG_[A-Z_]+|NO_COLOR)\b/).map { String($0.output.1) })
        #expect(named.count >= 5, "\(named)")
        #expect(named.subtracting(documented).isEmpty, "named by --help, undocumented: \(named.subtracting(documented))")
        var read = Set<String>()
        let sources = try FileManager.default.subpathsOfDirectory(atPath: packageRoot.path + "/Sources").filter { $0.hasSuffix(".swift") }
        for file in sources {
            let text = try String(contentsOfFile: packageRoot.path + "/Sources/" + file, encoding: .utf8)
            for match in text.matches(of: /(?:environment\[|xdg\(|first\()"([A-Za-z_]+)"/) { read.insert(String(match.output.1)) }
        }
        read.subtract(["JOINUP_RETRY_SECONDS", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY"])  // upper-case proxy names: curl's aliases
        #expect(read.count >= 10, "\(read)")
        #expect(read.subtracting(documented).isEmpty, "read, undocumented: \(read.subtracting(documented))")
        #expect(documented.subtracting(read).isEmpty, "documented, never read: \(documented.subtracting(read))")
    }

    /// The entries of a help block ("OPTIONS:"): its lines indented by two spaces (a wrapped
    /// description is indented further), up to the next blank line, trimmed.
    private func helpBlock(_ help: String, _ title: String) -> [String] {
        guard let start = help.range(of: title + "\n") else { return [] }
        return help[start.upperBound...].components(separatedBy: "\n\n")[0].split(separator: "\n")
            .filter { $0.hasPrefix("  ") && !$0.hasPrefix("   ") }.map { $0.trimmingCharacters(in: .whitespaces) }
    }
}

/// A man page read back from its roff: sections, subsections and .TP terms as plain text.
struct ManualPage {
    /// Plain text of a section (or subsection), its `.TP` terms kept apart.
    struct Section {
        var lines: [String]

        var text: String { lines.joined(separator: "\n") }

        /// The line after each .TP.
        var terms: [String] {
            zip(lines, lines.dropFirst()).filter { $0.0 == ".TP" || $0.0.hasPrefix(".TP ") }.map { ManualPage.plain($0.1) }
        }

        func subsection(_ title: String) -> Section? {
            guard let start = lines.firstIndex(where: { ManualPage.plain($0) == ".SS \"\(title)\"" }) else { return nil }
            let rest = lines[(start + 1)...]
            let end = rest.firstIndex { $0.hasPrefix(".SS ") } ?? rest.endIndex
            return Section(lines: Array(rest[..<end]).filter { !$0.hasPrefix(".") }.map(ManualPage.plain))
        }

        func contains(_ text: String) -> Bool { self.text.contains(text) }
    }

    var roff: String

    func section(_ title: String) -> Section {
        let lines = roff.components(separatedBy: "\n")
        guard let start = lines.firstIndex(of: ".SH \(title)") else { return Section(lines: []) }
        let rest = lines[(start + 1)...]
        return Section(lines: Array(rest[..<(rest.firstIndex { $0.hasPrefix(".SH ") } ?? rest.endIndex)]))
    }

    /// Roff text without fonts and escapes: `\fB\-\-data\-dir\fR` → `--data-dir`.
    static func plain(_ line: String) -> String {
        var text = line.replacingOccurrences(of: "\\-", with: "-").replacingOccurrences(of: "\\&", with: "")
        for (escape, glyph) in [("\\(ua", "↑"), ("\\(da", "↓"), ("\\(<-", "←"), ("\\(->", "→"), ("\\(em", "—"), ("\\e", "\\")] {
            text = text.replacingOccurrences(of: escape, with: glyph)
        }
        text = text.replacing(/\\f[BIRP]/, with: "")
        if text.hasPrefix(".B ") || text.hasPrefix(".BR ") {  // .BR A ", " B → A, B
            text = String(text.drop { $0 != " " }.dropFirst()).replacingOccurrences(of: "\"", with: "")
                .replacingOccurrences(of: " , ", with: ", ")
        }
        return text
    }
}
