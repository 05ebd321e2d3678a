import Foundation
import JoinupTestSupport
import Testing

/// Documents shaped exactly as Joinup publishes them (`Fixtures/joinup/`, written from joinup-dev's
/// feed view and field configuration): a 20-item feed with no extensions, EasyRdf metadata of a
/// closed, moderated collection with references only, and no members document. Synced by the real
/// binaries and checked field by field as Joinup means them (issue 13).
@Suite(.serialized) struct RealJoinupShapesTests {
    static let alias = "einvoicing-community"
    static let fixtures = packageRoot.appendingPathComponent("Fixtures/joinup")

    struct Synced {
        let folder: TemporaryFolder
        let remote: RemoteProcess
        var paths: [String] { ["--data-dir", folder.path("data"), "--config-dir", folder.path("config")] }

        func joinup(_ arguments: [String]) async throws -> CommandResult {
            let all = arguments + paths
            return try await runBlocking { try runCommand(builtBinary("joinup"), all) }
        }

        func json(_ arguments: [String]) async throws -> [[String: Any]] {
            let result = try await joinup(arguments + ["--json"])
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            return result.stdout.split(separator: "\n").compactMap {
                try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
            }
        }
    }

    func synced() async throws -> Synced {
        let folder = try TemporaryFolder()
        let remote = try RemoteProcess(data: Self.fixtures, folder: folder)
        let synced = Synced(folder: folder, remote: remote)
        let sync = try await synced.joinup(["sync", "--remote", remote.base, "--collection", Self.alias])
        #expect(sync.status == 0, "\(sync.stdout)\(sync.stderr)")
        #expect(sync.stdout.contains("\(Self.alias): 20 new"), "\(sync.stdout)")
        return synced
    }

    @Test func theMetadataSaysWhatJoinupMeans() async throws {
        let s = try await synced()
        defer { s.remote.server.stop() }
        let about = try #require(try await s.json(["about", "--collection", Self.alias]).first)
        #expect(about["uri"] as? String == "http://data.europa.eu/w21/5a1f0c3e-7b2d-4e8a-9c61-0d4b3e2f1a77")
        #expect(about["title"] as? String == "eInvoicing Community (Łódź & Ærø pilots)")
        #expect(about["alias"] as? String == Self.alias)
        #expect(about["abstract"] as? String == "Public buyers and suppliers implementing EN 16931 & Peppol.")
        #expect(about["closed"] as? Bool == true, "dct:RightsStatement 1 is a closed collection")
        #expect(about["moderated"] as? Bool == true)
        #expect(about["contentCreation"] as? String == "facilitators_and_authors")
        #expect(about["state"] as? String == "validated")
        #expect(about["solutionCount"] as? Int == 3)
        #expect(about["spatial"] as? [String] == ["Belgium", "Poland", "Denmark"])
        #expect(about["keywords"] as? [String] == ["EN 16931", "Peppol"])
        #expect(about["owner"] as? String == "", "a reference only: the name lives in another graph")
        #expect(about["created"] as? String == "2019-03-11T15:02:47+01:00")
        #expect(about["pageURL"] as? String == s.remote.base + "/collection/\(Self.alias)")
        #expect(about["feedURL"] as? String == s.remote.base + "/collection/\(Self.alias)/feed.xml")
        #expect(about["metadataURL"] as? String == s.remote.base + "/collection/\(Self.alias)?_format=rdfxml")
        let text = try await s.joinup(["about", "--collection", Self.alias]).stdout
        for line in ["Closed collection", "Content creation: Only facilitators and authors can create content.", "Moderated",
                     "State: Validated", "Solutions: 3", "Geographical coverage: Belgium, Poland, Denmark"] {
            #expect(text.contains(line), "about lacks \(line)")
        }
        // No members document (the remote answers its page's ?_format=json with 406 or 404): not published, no failure.
        let members = try await s.joinup(["members", "--collection", Self.alias])
        #expect(members.status == 0, "\(members.stderr)")
        #expect(try await s.joinup(["about", "--collection", Self.alias]).stdout.contains("members not published"))
    }

    @Test func theFeedsItemsAreReadAsJoinupWritesThem() async throws {
        let s = try await synced()
        defer { s.remote.server.stop() }
        let items = try await s.json(["items", "--collection", Self.alias])
        #expect(items.count == 20)
        var kinds: [String: Int] = [:]
        for item in items { kinds[item["kind"] as? String ?? "?", default: 0] += 1 }
        #expect(kinds == ["news": 9, "event": 5, "document": 2, "discussion": 1, "custom_page": 1, "solution": 2])
        func item(_ title: String) -> [String: Any]? { items.first { $0["title"] as? String == title } }
        // The type prefix is the type, not part of the title.
        let prefixes = ["News: ", "Event: ", "Document: ", "Discussion: ", "Custom page: ", "Solution: "]
        #expect(items.allSatisfy { item in !prefixes.contains { ((item["title"] as? String) ?? "").hasPrefix($0) } })
        let page = try #require(item("About this community"))
        #expect(page["kind"] as? String == "custom_page")
        // Plain text: what looks like markup is text, kept.
        let party = try #require(item("UBL parties explained"))
        #expect((party["body"] as? String)?.contains("a <cac:Party> element in UBL 2.1") == true, "\(party)")
        // Cut at 200 characters by Joinup: marked.
        let cut = try #require(item("Syntax choice for EN 16931"))
        #expect((cut["body"] as? String)?.hasSuffix("the syntaxes that impleme…") == true, "\(cut)")
        #expect(item("Do you accept CII invoices?")?["body"] as? String == "We receive both syntaxes; which validation rules do you apply?")
        // Non-ASCII authors as written; a solution has none.
        #expect(Set(items.compactMap { $0["author"] as? String }).isSuperset(of: ["Łukasz Żółkiewski", "Zoë Ó Súilleabháin",
                                                                               "Αθανάσιος Παπαδόπουλος", "Ştefan Ţurcanu", "Jürgen Groß"]))
        #expect(item("Open eInvoicing validator")?["author"] as? String == "")
        // Dates on both sides of the 2024 DST changes keep their instant (shown in Europe/Brussels).
        #expect(item("Peppol pilots in Łódź and Ærø: first results")?["date"] as? String == "2024-03-31T03:00:00+02:00")
        #expect(item("UBL parties explained")?["date"] as? String == "2024-10-27T02:30:00+02:00")
        #expect(item("Syntax choice for EN 16931")?["date"] as? String == "2024-10-27T02:30:00+01:00")
        // --type takes Joinup's words.
        let pages = try await s.json(["items", "--collection", Self.alias, "--type", "custom page"])
        #expect(pages.map { $0["title"] as? String } == ["About this community"])
    }

    @Test func aRemoteWithoutAJoinAPISaysSoAndKeepsNothingQueued() async throws {
        let s = try await synced()
        defer { s.remote.server.stop() }
        // Joinup itself: refused before anything is queued or sent (no network is needed to know).
        let joinup = try await s.joinup(["join", Self.alias, "--yes", "--remote", "https://joinup.ec.europa.eu"])
        #expect(joinup.status == 4, "\(joinup.stdout)\(joinup.stderr)")
        #expect(joinup.stderr.contains("on Joinup you join on the collection's page, signed in with EU Login (https://joinup.ec.europa.eu/collection/\(Self.alias))"),
                "\(joinup.stderr)")
        #expect(try await s.joinup(["outbox"]).stdout.contains("The outbox is empty."))
        // A remote that answers the join endpoint with 404 (it has no such API): said, and dropped, not retried.
        try "t-ana\n".write(toFile: s.folder.path("token"), atomically: true, encoding: .utf8)
        let credentials = s.folder.path("config/credentials")
        try FileManager.default.createDirectory(atPath: s.folder.path("config"), withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        _ = FileManager.default.createFile(atPath: credentials, contents: Data(#"{"accounts":[{"origin":"\#(s.remote.base)","token":"t-ana"}]}"#.utf8),
                                           attributes: [.posixPermissions: 0o600])
        let plain = try await s.joinup(["join", Self.alias, "--yes", "--remote", s.remote.base])
        #expect(plain.status == 4, "\(plain.stdout)\(plain.stderr)")
        #expect(plain.stderr.contains("joinup: this remote has no join or leave for terminals"), "\(plain.stderr)")
        #expect(try await s.joinup(["outbox"]).stdout.contains("The outbox is empty."))
    }

    @Test func joiningTheClosedCollectionSaysAFacilitatorMustApprove() async throws {
        let s = try await synced()
        defer { s.remote.server.stop() }
        let session = try TmuxSession.joinup(in: s.folder, arguments: ["--collection", Self.alias, "--remote", s.remote.base])
        try session.waitFor("eInvoicing Community")
        try session.send("3")
        try session.waitFor("Closed collection")
        try session.send("J")
        let dialog = try session.waitFor("facilitator must approve") { $0.replacingOccurrences(of: "\n", with: " ").contains("facilitator must approve") }
        #expect(!dialog.contains("you become a member at once"))
        try session.send("n")
        try session.send("q")
        try session.waitFor("EXIT=0")
    }
}
