import Foundation
import JoinupTestSupport
import Testing

/// Join and leave from the keyboard, and the membership commands, with the real binaries.
@Suite(.serialized) struct MembershipEndToEndTests {
    static let ospo = "ec-open-source-programme-office"
    static let users = """
        {"users": [{"token": "t-ana", "id": "u-ana", "name": "Ana Novak"},
                   {"token": "t-owner", "id": "u-9c4d-1", "name": "Dragoș Ionescu"}]}
        """

    let folder: TemporaryFolder
    let remote: RemoteProcess

    init() throws {
        folder = try TemporaryFolder()
        remote = try RemoteProcess(fixturesWithUsers: Self.users, folder: folder)
        #expect(try joinup(["sync", "--remote", remote.base]).status == 0)
    }

    func joinup(_ arguments: [String], environment: [String: String] = [:]) throws -> CommandResult {
        try runCommand(builtBinary("joinup"), arguments + ["--data-dir", folder.path("data"), "--config-dir", folder.path("config")],
                       environment: environment)
    }

    func login(_ token: String) throws {
        try token.write(toFile: folder.path("token"), atomically: true, encoding: .utf8)
        let result = try joinup(["login", "--token-file", folder.path("token"), "--remote", remote.base])
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test func joinAndLeaveFromTheKeyboard() throws {
        try login("t-ana")
        let session = try TmuxSession.joinup(in: folder, arguments: ["--collection", Self.ospo, "--remote", remote.base])
        try session.waitFor("Signed in as Ana Novak")
        try session.send("J")
        try session.waitFor("This collection is open: you become a member at once.") { $0.replacingOccurrences(of: "\n", with: " ").contains("This collection is") }
        try session.send("y")
        var screen = try session.waitFor("You are now a member of")
        screen = try session.waitFor("You're a member")
        #expect(!screen.contains("actions waiting"))
        try session.send("L")
        try session.waitFor("Are you sure you want to leave")
        try session.send("Enter")
        screen = try session.waitFor("You are no longer a member of")
        try session.waitFor("Join this collection")
        try session.send("q")
        try session.waitFor("EXIT=0")
        #expect(!FileManager.default.fileExists(atPath: folder.path("home")), "touched HOME")
    }

    @Test func signedOutJoinIsQueuedAndSentAfterSignIn() throws {
        let session = try TmuxSession.joinup(in: folder, arguments: ["--collection", Self.ospo, "--remote", remote.base],
                                             environment: ["JOINUP_RETRY_SECONDS": "0.5"])
        try session.waitFor("Not signed in")
        try session.send("J")
        try session.waitFor("joinup login")
        try session.send("Enter")
        try session.waitFor("1 action waiting")
        // Signing in from another shell: the retry timer delivers the kept request.
        try login("t-ana")
        try session.waitFor("You are now a member of", timeout: 20)
        try session.send("q")
        try session.waitFor("EXIT=0")
        #expect(try joinup(["outbox"]).stdout.contains("The outbox is empty."))
    }

    @Test func commandLineExitCodesTellDoneQueuedRefusedApart() throws {
        // No terminal and no --yes: refused before anything is queued.
        let noTTY = try joinup(["join", Self.ospo, "--remote", remote.base])
        #expect(noTTY.status == 2 && noTTY.stderr.contains("--yes"))
        #expect(try joinup(["outbox"]).stdout.contains("The outbox is empty."))
        // Not signed in: queued (3), listed, and cancellable.
        let queued = try joinup(["join", Self.ospo, "--yes", "--remote", remote.base])
        #expect(queued.status == 3 && queued.stderr.contains("joinup login"))
        let id = try #require(try joinup(["outbox"]).stdout.split(separator: "\t").first)
        #expect(try joinup(["outbox", "--cancel", String(id)]).status == 0)
        #expect(try joinup(["outbox", "--cancel", String(id)]).status == 6, "no such ID: not found")
        // Done (0) and refused (4).
        try login("t-owner")
        let owner = try joinup(["leave", "cybersecurity-working-group", "--yes", "--remote", remote.base])
        #expect(owner.status == 4 && owner.stderr.contains("transfer the ownership"))
        try login("t-ana")
        let joined = try joinup(["join", Self.ospo, "--yes", "--remote", remote.base])
        #expect(joined.status == 0 && joined.stdout.contains("You are now a member of EC Open Source Programme Office."))
        // Unknown collection: not found (6), as from every subcommand.
        #expect(try joinup(["join", "no-such-collection", "--yes", "--remote", remote.base]).status == 6)
    }

    @Test func readonlyTurnsOffEveryRemoteChange() throws {
        try login("t-ana")
        let flag = try joinup(["join", Self.ospo, "--yes", "--readonly", "--remote", remote.base])
        #expect(flag.status == 5 && flag.stderr.contains("read-only"))
        try FileManager.default.createDirectory(atPath: folder.path("config"), withIntermediateDirectories: true)
        try "readonly = true\n".write(toFile: folder.path("config/config.toml"), atomically: true, encoding: .utf8)
        #expect(try joinup(["leave", Self.ospo, "--yes", "--remote", remote.base]).status == 5)
        #expect(try joinup(["outbox", "--retry", "--remote", remote.base]).status == 5)
        #expect(!remote.requests().contains { $0.hasPrefix("POST") }, "nothing was sent")
    }

    @Test func loginStoresAnOwnerOnlyFileAndLogoutRemovesIt() throws {
        #expect(try joinup(["whoami"]).stdout.contains("Not signed in"))
        try "t-wrong".write(toFile: folder.path("token"), atomically: true, encoding: .utf8)
        let refused = try joinup(["login", "--token-file", folder.path("token"), "--remote", remote.base])
        #expect(refused.status == 1 && refused.stderr.contains("401"))
        #expect(!FileManager.default.fileExists(atPath: folder.path("config/credentials")))
        try login("t-ana")
        let attributes = try FileManager.default.attributesOfItem(atPath: folder.path("config/credentials"))
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let whoami = try joinup(["whoami"])
        #expect(whoami.status == 0 && whoami.stdout.contains("Signed in as Ana Novak"))
        let checked = try joinup(["whoami", "--check", "--remote", remote.base])
        #expect(checked.status == 0 && checked.stdout.contains("Signed in as Ana Novak (checked with"))
        // A credentials file others can read is refused, not used.
        chmod(folder.path("config/credentials"), 0o644)
        let exposed = try joinup(["whoami"])
        #expect(exposed.status == 1 && exposed.stderr.contains("chmod 600"))
        #expect(try joinup(["logout"]).stdout.contains("Signed out."))
        #expect(try joinup(["whoami"]).status == 1)
    }

    @Test func tokenIsNotSentOverPlainHTTPToAnotherHost() throws {
        try login("t-ana")
        // 192.0.2.1 is TEST-NET-1: nothing is (or may be) contacted; the refusal comes first.
        let result = try joinup(["join", Self.ospo, "--yes", "--remote", "http://192.0.2.1:8080"])
        #expect(result.status == 3)
        #expect(result.stderr.contains("refusing to send the sign-in token over plain http"))
    }
}
