import ArgumentParser
import Foundation
import JoinupCache
import JoinupModel
import JoinupSync

/// `joinup login`: stores a sign-in token (mode 0600) in the config folder.
struct Login: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "login",
        abstract: "Sign in: store the remote's token in the config folder (mode 0600).",
        discussion: """
            The token is read from a prompt (echo off) or from --token-file (- for stdin). It is tied to \
            the remote's origin (scheme, host, port) and only ever sent there. It is checked first \
            (GET /user); a token the remote refuses, or a check the remote redirects elsewhere, stores \
            nothing. Queued join/leave requests become due at once.
            """)

    @Option(name: .customLong("token-file"), help: ArgumentHelp("Read the token from this file (- for stdin).", valueName: "file"))
    var tokenFile: String?

    @Option(help: ArgumentHelp("Remote to check the token against (default: $JOINUP_REMOTE, else config.toml).", valueName: "url"))
    var remote: String?

    @OptionGroup var options: PathOptions

    func run() async throws {
        let paths = options.paths
        let token = try readToken()
        guard !token.isEmpty else { fail("empty token", code: JoinupExit.usage) }
        var user: String?
        guard let remote = RemoteSetting.resolve(flag: remote, config: ConfigFile.load(paths)),
              let origin = Origin(remote) else {
            fail("a token is tied to the remote that issued it: name it with --remote URL (or JOINUP_REMOTE, or remote in config.toml)",
                 code: JoinupExit.usage)
        }
        do {
            switch try await AccountCheck.whoami(remote: remote, token: token) {
            case .user(let name): user = name
            case .rejected: fail("the remote \(origin) does not accept this token (401); nothing stored", code: JoinupExit.failure)
            }
        } catch SyncError.redirectRefused(let url, let detail) {
            fail("\(url): \(detail); nothing stored", code: JoinupExit.failure)
        } catch {
            CLIMessage.warning("could not check the token (\(error.message)); storing it unchecked for \(origin)")
        }
        do {
            try CredentialStore(folder: paths.configDirectory).save(Credentials(token: token, user: user, origin: origin.description))
        } catch {
            fail(error.description, code: JoinupExit.failure)
        }
        if FileManager.default.fileExists(atPath: paths.cacheFile) {
            try? CacheDatabase(path: paths.cacheFile).makePendingActionsDue()
        }
        print(user.map { "Signed in as \($0) at \(origin)." } ?? "Signed in at \(origin) (token stored; the remote did not say whose it is).")
    }

    private func readToken() throws -> String {
        if let tokenFile {
            let data = tokenFile == "-" ? FileHandle.standardInput.readDataToEndOfFile() : FileManager.default.contents(atPath: tokenFile)
            guard let data else { fail("cannot read \(tokenFile)", code: JoinupExit.usage) }
            return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        guard isatty(STDIN_FILENO) == 1 else {
            fail("no terminal to read the token from: pass --token-file FILE (or - for stdin)", code: JoinupExit.usage)
        }
        return SecretPrompt.read("Token: ")
    }

    private func fail(_ message: String, code: ExitCode) -> Never {
        CLIMessage.error(message)
        Login.exit(withError: code)
    }
}

/// `joinup logout`: removes the stored token.
struct Logout: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "logout", abstract: "Sign out: remove the stored token.")

    @OptionGroup var options: PathOptions

    func run() throws {
        let paths = options.paths
        do {
            let removed = try CredentialStore(folder: paths.configDirectory).remove()
            if FileManager.default.fileExists(atPath: paths.cacheFile) {
                // Memberships learnt belong to the account that signed out.
                try? CacheDatabase(path: paths.cacheFile).forgetMemberships()
            }
            print(removed ? "Signed out." : "Not signed in.")
        } catch {
            CLIMessage.error(error.description)
            throw JoinupExit.failure
        }
    }
}

/// `joinup whoami`: who the stored token belongs to.
struct Whoami: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "whoami",
        abstract: "Say who is signed in (exit 0), or \"Not signed in\" (exit 1).")

    @Flag(help: "Ask the remote whose the token is (GET /user) instead of trusting what login stored.")
    var check = false

    @Option(help: ArgumentHelp("Remote to ask with --check (default: $JOINUP_REMOTE, else config.toml).", valueName: "url"))
    var remote: String?

    @OptionGroup var options: PathOptions

    func run() async throws {
        do {
            let remote = RemoteSetting.resolve(flag: remote, config: ConfigFile.load(options.paths))
            guard let credentials = try CredentialStore(folder: options.paths.configDirectory).load(for: remote) else {
                print("Not signed in" + (remote.flatMap(Origin.init).map { " at \($0)" } ?? ""))
                throw ExitCode(1)
            }
            if let remote, let refusal = credentials.refusal(for: remote) {
                print("Not signed in: \(refusal)")
                throw ExitCode(1)
            }
            let at = credentials.origin.map { " at \($0)" } ?? ""
            if check {
                guard let remote else {
                    CLIMessage.error("--check needs a remote (--remote, JOINUP_REMOTE or config.toml)")
                    throw JoinupExit.usage
                }
                switch try await AccountCheck.whoami(remote: remote, token: credentials.token) {
                case .user(let name):
                    print("Signed in as \(name) (checked with \(remote))")
                    return
                case .rejected:
                    print("Not signed in: \(remote) does not accept the stored token (401); run `joinup login`")
                    throw ExitCode(1)
                }
            }
            print(credentials.user.map { "Signed in as \(TerminalText.line($0))\(at)" } ?? "Signed in\(at) (user unknown: the token was not checked)")
        } catch let error as CredentialsError {
            CLIMessage.error(error.description)
            throw JoinupExit.failure
        } catch let error as SyncError {
            CLIMessage.error(error.message)
            throw JoinupExit.failure
        }
    }
}

/// Reads a line from the terminal with echo off (termios), restoring the terminal afterwards.
enum SecretPrompt {
    static func read(_ prompt: String) -> String {
        FileHandle.standardError.write(Data(prompt.utf8))
        var saved = termios()
        let hasTerminal = tcgetattr(STDIN_FILENO, &saved) == 0
        if hasTerminal {
            var quiet = saved
            quiet.c_lflag &= ~tcflag_t(ECHO)
            quiet.c_lflag |= tcflag_t(ECHONL)
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet)
        }
        defer { if hasTerminal { tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved) } }
        return (readLine(strippingNewline: true) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
