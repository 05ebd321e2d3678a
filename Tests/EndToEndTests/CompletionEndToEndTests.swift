import Foundation
import JoinupTestSupport
import Testing

/// The hidden `joinup complete` and the bash, zsh and fish scripts scripts/generate-docs.py writes
/// from the built binary, each run in its real shell (zsh in tmux). `.ci/run` installs zsh and fish.
@Suite struct CompletionEndToEndTests {
    let folder: TemporaryFolder
    let binaries: String
    let alias = "ec-open-source-programme-office"

    init() throws {
        folder = try TemporaryFolder()
        binaries = (builtBinary("joinup") as NSString).deletingLastPathComponent
    }

    private var data: String { folder.path("data") }
    private var config: String { folder.path("config") }

    /// The embedded snapshot in the cache, a user theme "mine", and the generated scripts.
    private func prepare() throws {
        let items = try runCommand(builtBinary("joinup"), ["items", "--data-dir", data, "--config-dir", config],
                                   environment: ["HOME": folder.path("home")])
        #expect(items.status == 0, "\(items.stderr)")
        try FileManager.default.createDirectory(atPath: config + "/themes", withIntermediateDirectories: true)
        try "[normal]\nfg = \"red\"\n".write(toFile: config + "/themes/mine.toml", atomically: true, encoding: .utf8)
        let generated = try runCommand("/usr/bin/env", ["python3", packageRoot.path + "/scripts/generate-docs.py", binaries,
                                                        folder.path("docs")])
        #expect(generated.status == 0, "\(generated.stderr)")
    }

    private func complete(_ arguments: [String], environment: [String: String] = [:]) throws -> [String] {
        let result = try runCommand(builtBinary("joinup"), ["complete"] + arguments,
                                    environment: ["HOME": folder.path("home")].merging(environment) { $1 })
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        return result.stdout.split(separator: "\n").map(String.init)
    }

    private var shellEnvironment: [String: String] {
        ["PATH": binaries + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"), "HOME": folder.path("home")]
    }

    @Test func completeReadsTheFoldersOfTheCommandLineBeingCompleted() throws {
        // No cache yet: nothing, and completing creates no folder.
        #expect(try complete(["collections", "--", "joinup", "items", "--data-dir", data]).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: data))
        try prepare()
        let elsewhere = ["JOINUP_DATA_DIR": folder.path("empty"), "JOINUP_CONFIG_DIR": folder.path("empty")]
        #expect(try complete(["collections", "--", "joinup", "items", "--data-dir", data], environment: elsewhere) == [alias])
        #expect(try complete(["collections", "--", "joinup", "items", "--data-dir=\(data)"], environment: elsewhere) == [alias])
        #expect(try complete(["collections", "--data-dir", data]) == [alias])
        #expect(try complete(["collections"], environment: ["JOINUP_DATA_DIR": data]) == [alias])
        #expect(try complete(["collections"], environment: elsewhere).isEmpty)
        #expect(try complete(["themes", "--", "joinup", "--config-dir", config])
                == ["default", "light", "high-contrast", "monochrome", "mine"])
        // A label two topics share would be an error for --topic: those two come as URIs.
        let topics = try complete(["topics", "--data-dir", data])
        #expect(topics.contains("ICT security") && topics.contains("Open Source Software"))
        #expect(!topics.contains("ICT"))
        #expect(topics.contains("http://joinup.eu/ontology/topic/category#ict") && topics.contains("http://joinup.eu/ontology/topic#ict"))
        #expect(topics.count == Set(topics).count)
    }

    @Test func bashCompletesSubcommandsOptionsAndCachedValues() throws {
        try prepare()
        let script = folder.path("docs") + "/completions/bash/joinup"
        // Asks the completion function what bash would, for each command line (words separated by |).
        let ask = """
            shopt -s extglob
            source "$1"; shift
            for line in "$@"; do
                IFS='|' read -r -a COMP_WORDS <<<"$line"
                COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMP_LINE="${line//|/ }"; COMP_POINT=${#COMP_LINE}; COMPREPLY=()
                [[ "$line" == *'|' ]] && { COMP_WORDS+=(""); COMP_CWORD=$((COMP_CWORD + 1)); }
                _joinup_with_values joinup "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
                echo "$line => $(IFS=,; echo "${COMPREPLY[*]}")"
            done
            """
        let lines = ["joinup|it", "joinup|items|--li", "joinup|items|--data-dir|\(data)|--collection|",
                     "joinup|items|--data-dir|\(data)|--topic|ICT s", "joinup|browse|--config-dir|\(config)|--theme|m",
                     "joinup|join|--data-dir|\(data)|--yes|", "joinup|leave|--data-dir|\(data)|ec-"]
        let result = try runCommand("/bin/bash", ["--norc", "-c", ask, "bash", script] + lines, environment: shellEnvironment)
        #expect(result.status == 0, "\(result.stderr)")
        let answers = Dictionary(uniqueKeysWithValues: result.stdout.split(separator: "\n").map { line in
            let parts = line.components(separatedBy: " => ")
            return (parts[0], parts.count > 1 ? parts[1] : "")
        })
        #expect(answers[lines[0]] == "items", "\(result.stdout)")
        #expect(answers[lines[1]] == "--limit", "\(result.stdout)")
        #expect(answers[lines[2]] == alias, "\(result.stdout)")
        #expect(answers[lines[3]] == "ICT security", "\(result.stdout)")
        #expect(answers[lines[4]] == "monochrome,mine", "\(result.stdout)")
        #expect(answers[lines[5]] == alias, "\(result.stdout)")
        #expect(answers[lines[6]] == alias, "\(result.stdout)")
    }

    @Test func fishCompletesCachedValues() throws {
        try prepare()
        let fish = try #require(executable("fish"), "fish is not installed (.ci/run installs it)")
        let script = folder.path("docs") + "/completions/fish/joinup.fish"
        func ask(_ line: String) throws -> [String] {
            let result = try runCommand(fish, ["--no-config", "-c", "source \(shellQuoted(script)); complete -C \(shellQuoted(line))"],
                                        environment: shellEnvironment)
            #expect(result.status == 0, "\(result.stderr)")
            return result.stdout.split(separator: "\n").map { String($0.split(separator: "\t")[0]) }
        }
        #expect(try ask("joinup it").contains("items"))
        #expect(try ask("joinup items --data-dir \(data) --collection ") == [alias])
        #expect(try ask("joinup items --data-dir \(data) --topic ICT").contains("ICT security"))
        #expect(try ask("joinup browse --config-dir \(config) --theme ").contains("mine"))
        #expect(try ask("joinup join --data-dir \(data) ") .contains(alias))
    }

    @Test func zshCompletesCachedValuesInATerminal() throws {
        try prepare()
        let zsh = try #require(executable("zsh"), "zsh is not installed (.ci/run installs it)")
        let session = try TmuxSession(command: "\(zsh) -f", width: 240, height: 20, environment: shellEnvironment)
        // PATH is set in the session: Debian's /etc/zsh/zshenv (read even with -f) resets it.
        let setup = "PATH=\(shellQuoted(binaries)):$PATH; fpath=(\(shellQuoted(folder.path("docs") + "/completions/zsh")) $fpath); autoload -U compinit; compinit -u -D; echo READY"
        try session.send(setup, "Enter")
        _ = try session.waitFor("setup") { $0.split(separator: "\n").contains("READY") }
        try session.send("joinup it", "Tab")
        _ = try session.waitFor("# joinup items")
        try session.send("C-u", "joinup items --data-dir \(data) --collection ", "Tab")
        _ = try session.waitFor("--collection \(alias)")
        try session.send("C-u", "joinup browse --config-dir \(config) --theme mi", "Tab")
        _ = try session.waitFor("--theme mine")
    }

    private func executable(_ name: String) -> String? {
        for folder in ["/usr/bin", "/bin", "/usr/local/bin"] where FileManager.default.isExecutableFile(atPath: folder + "/" + name) {
            return folder + "/" + name
        }
        return nil
    }
}
