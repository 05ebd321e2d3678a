import Foundation
import JoinupTestSupport
import Testing

/// Issue 16, "state shown truly", with the real binaries in tmux: the outbox overlay over a
/// remote that went down, a sign-out in another shell, `--readonly`, and the last collection
/// reopening after a restart.
@Suite(.serialized) struct StateShownEndToEndTests {
    static let ospo = "ec-open-source-programme-office"
    static let users = #"{"users": [{"token": "t-ana", "id": "u-ana", "name": "Ana Novak"}]}"#

    let folder: TemporaryFolder
    let remote: RemoteProcess

    init() throws {
        folder = try TemporaryFolder()
        remote = try RemoteProcess(fixturesWithUsers: Self.users, folder: folder)
        let sync = try joinup(["sync", "--remote", remote.base])
        #expect(sync.status == 0, "\(sync.stderr)")
    }

    func joinup(_ arguments: [String]) throws -> CommandResult {
        try runCommand(builtBinary("joinup"), arguments + ["--data-dir", folder.path("data"), "--config-dir", folder.path("config")])
    }

    func login() throws {
        try "t-ana".write(toFile: folder.path("token"), atomically: true, encoding: .utf8)
        let result = try joinup(["login", "--token-file", folder.path("token"), "--remote", remote.base])
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test func aJoinQueuedWhileTheRemoteIsDownShowsInTheHeaderAndTheOutboxWhereCCancelsIt() throws {
        try login()
        _ = remote.server.stop()  // the remote goes down: the join can only be queued
        let session = try TmuxSession.joinup(in: folder, arguments: ["--collection", Self.ospo, "--remote", remote.base])
        try session.waitFor("Signed in as Ana Novak")
        try session.waitFor("[J] Join this collection")
        try session.send("J")
        try session.waitFor("y/Enter confirm")
        try session.send("y")
        var screen = try session.waitFor("Join queued — will be sent when online", timeout: 20)
        #expect(screen.contains("1 action waiting"), "\(screen)")
        #expect(!screen.contains("[J] Join"), "\(screen)")

        try session.send("O")
        screen = try session.waitFor("Outbox · 1 action waiting")
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        let row = try #require(lines.firstIndex { $0.contains("Join   EC Open Source Programme Office") }, "\(screen)")
        #expect(lines[row].contains("just now") || lines[row].contains("min ago"), "\(screen)")
        // Under it, why it was not sent: the remote is down.
        #expect(lines[row + 1].contains("last error: "), "\(screen)")

        try session.send("c")
        screen = try session.waitFor("Nothing waits to be sent")
        #expect(screen.contains("Cancelled the join request for EC Open Source Programme Office"), "\(screen)")
        try session.send("Escape")
        screen = try session.waitFor("[J] Join this collection")
        #expect(!screen.contains("Join queued"), "\(screen)")
        try session.send("q")
        try session.waitFor("EXIT=0")
        #expect(try joinup(["outbox"]).stdout.contains("The outbox is empty."))
        #expect(!FileManager.default.fileExists(atPath: folder.path("home")), "touched HOME")
    }

    @Test func aLogoutInAnotherShellReachesTheHeader() throws {
        try login()
        let session = try TmuxSession.joinup(in: folder, arguments: ["--collection", Self.ospo, "--remote", remote.base],
                                             environment: ["JOINUP_RETRY_SECONDS": "0.5"])
        try session.waitFor("Signed in as Ana Novak")
        #expect(try joinup(["logout"]).status == 0)
        let screen = try session.waitFor("Not signed in")
        #expect(!screen.contains("Signed in as"), "\(screen)")
        try session.send("q")
        try session.waitFor("EXIT=0")
    }

    @Test func readonlyOffersNoJoin() throws {
        let session = try TmuxSession.joinup(in: folder, arguments: ["--collection", Self.ospo, "--readonly"])
        let screen = try session.waitFor("read-only")
        #expect(!screen.contains("[J] Join"), "\(screen)")
        try session.send("q")
        try session.waitFor("EXIT=0")
    }

    @Test func aRestartOpensTheLastCollectionUsed() throws {
        // Never opened before: the first collection by title.
        var session = try TmuxSession.joinup(in: folder)
        try session.waitFor("EC Open Source Programme Office")
        try session.send("c")
        try session.waitFor("Open Source Observatory (OSOR)")
        // The list is by title: EC OSPO, Grupo de trabajo…, OSOR.
        try session.send("j", "j", "Enter")
        try session.waitFor("OSOR on screen") { $0.split(separator: "\n").first?.contains("Open Source Observatory (OSOR)") == true }
        try session.send("q")
        try session.waitFor("EXIT=0")

        session = try TmuxSession.joinup(in: folder)
        let screen = try session.waitFor("OSOR reopened") {
            $0.split(separator: "\n").first?.contains("Open Source Observatory (OSOR)") == true
        }
        #expect(!screen.contains("EC Open Source Programme Office"), "\(screen)")
        try session.send("q")
        try session.waitFor("EXIT=0")
        // The command line keeps choosing the first collection (scripts do not follow the browser).
        #expect(try joinup(["about"]).stdout.contains("EC Open Source Programme Office"))
    }
}
