import Foundation
import JoinupTestSupport
import Testing

/// Issue 16, "a consistent CLI": one exit-code table, one message style, the same fields in every
/// output format, the cached collections listed, dates by day, month or year. The built binary on
/// the embedded snapshot (a fresh data folder imports it) and against a real `joinup-remote`.
@Suite struct ConsistentCLITests {
    static let ospo = "ec-open-source-programme-office"
    static let users = """
        {"users": [{"token": "t-ana", "id": "u-ana", "name": "Ana Novak"},
                   {"token": "t-owner", "id": "u-9c4d-1", "name": "Dragoș Ionescu"}]}
        """

    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder()
    }

    private func joinup(_ arguments: [String], data: String = "data") throws -> CommandResult {
        try runCommand(builtBinary("joinup"), arguments + ["--data-dir", folder.path(data), "--config-dir", folder.path("config")],
                       environment: ["HOME": folder.path("home")])
    }

    /// `joinup-remote` with Ana (no role) and the owner of the cybersecurity working group.
    private func startRemote() throws -> RemoteProcess {
        let state = folder.url.appendingPathComponent("remote-state")
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        try Self.users.write(to: state.appendingPathComponent("users.json"), atomically: true, encoding: .utf8)
        return try RemoteProcess(data: fixtureFolder, extra: ["--state-dir", state.path], folder: folder)
    }

    private func login(_ token: String, remote: RemoteProcess) throws {
        try token.write(toFile: folder.path("token"), atomically: true, encoding: .utf8)
        let result = try joinup(["login", "--token-file", folder.path("token"), "--remote", remote.base])
        #expect(result.status == 0, "\(result.stderr)")
    }

    /// A failure is said on stderr only, in one style: "joinup: <lower-case sentence>." on its first line.
    private func expectOneStyle(_ result: CommandResult, _ what: String) {
        #expect(result.stdout.isEmpty, "\(what): stdout keeps only results: \(result.stdout)")
        let first = result.stderr.split(separator: "\n").first.map(String.init) ?? ""
        #expect(first.hasPrefix("joinup: "), "\(what): \(result.stderr)")
        let sentence = first.dropFirst("joinup: ".count)
        #expect(sentence.first.map { !$0.isUppercase || sentence.dropFirst().first?.isUppercase == true } == true, "\(what): \(first)")
        #expect(first.hasSuffix(".") || first.hasSuffix("?"), "\(what): \(first)")
    }

    @Test func everySubcommandExitsByTheOneTable() throws {
        let remote = try startRemote()
        defer { remote.server.stop() }
        let nope = "no-such-collection"
        let table: [(what: String, arguments: [String], status: Int32)] = [
            ("sync", ["sync", "--remote", remote.base], 0),
            ("items", ["items"], 0), ("topics", ["topics"], 0), ("members", ["members"], 0), ("about", ["about"], 0),
            ("collections", ["collections"], 0), ("outbox", ["outbox"], 0), ("themes", ["themes"], 0), ("doctor", ["doctor"], 0),
            // Usage: ArgumentParser's parse and validation errors exit 2 like joinup's own.
            ("a value that is not a number", ["items", "--limit", "many"], 2),
            ("an unknown option", ["members", "--no-such-option"], 2),
            ("a validation error", ["sync", "--remote", remote.base, "--parallel=0"], 2),
            ("--retry and --cancel", ["outbox", "--retry", "--cancel", "1"], 2),
            ("--json and --csv", ["collections", "--json", "--csv"], 2),
            ("an ambiguous topic label", ["topics", "--topic", "ICT"], 2),
            ("the browser without a terminal", [], 2),
            ("no terminal to confirm on", ["join", Self.ospo, "--remote", remote.base], 2),
            // Not found: an unknown collection from every subcommand that takes one, topic, outbox ID.
            ("items", ["items", "--collection", nope], 6), ("topics", ["topics", "--collection", nope], 6),
            ("members", ["members", "--collection", nope], 6), ("about", ["about", "--collection", nope], 6),
            ("join", ["join", nope, "--yes", "--remote", remote.base], 6),
            ("leave", ["leave", nope, "--yes", "--remote", remote.base], 6),
            ("the browser", ["--collection", nope], 6), ("browse", ["browse", "--collection", nope], 6),
            ("sync", ["sync", "--remote", remote.base, "--collection", nope], 6),
            ("an unknown topic", ["items", "--topic", "ICT secruity"], 6),
            ("an unknown outbox ID", ["outbox", "--cancel", "999"], 6),
            // Read-only, and a failure (nothing listens on port 9, the discard port).
            ("join, read-only", ["join", Self.ospo, "--yes", "--readonly", "--remote", remote.base], 5),
            ("sync, unreachable", ["sync", "--remote", "http://127.0.0.1:9"], 1),
        ]
        for row in table {
            let result = try joinup(row.arguments)
            #expect(result.status == row.status, "\(row.what) \(row.arguments): \(result.stderr)")
            if row.status != 0 { expectOneStyle(result, row.what) }
        }
        // Refused (4): the owner cannot leave; queued (3): signed out, the join waits.
        try login("t-owner", remote: remote)
        let refused = try joinup(["leave", "cybersecurity-working-group", "--yes", "--remote", remote.base])
        #expect(refused.status == 4, "\(refused.stderr)")
        expectOneStyle(refused, "refused")
        #expect(try joinup(["logout"]).status == 0)
        let queued = try joinup(["join", Self.ospo, "--yes", "--remote", remote.base])
        #expect(queued.status == 3, "\(queued.stderr)")
        expectOneStyle(queued, "queued")
        // A failure (1): a cache file that is not a database.
        try FileManager.default.createDirectory(atPath: folder.path("damaged"), withIntermediateDirectories: true)
        try Data(repeating: 0x5A, count: 8192).write(to: folder.url.appendingPathComponent("damaged/joinup.sqlite"))
        let damaged = try joinup(["items"], data: "damaged")
        #expect(damaged.status == 1, "\(damaged.stderr)")
        expectOneStyle(damaged, "a damaged cache")
    }

    @Test func itemsPrintTheSameFieldsInTSVCSVAndJSON() throws {
        let fields = ["date", "kind", "title", "topics", "link", "author", "id", "topic_uris"]
        let (tsv, csv, objects) = try threeFormats(["items"])
        #expect(tsv.first == fields)
        #expect(csv.first == fields)
        #expect(tsv.count == 9 && csv == tsv, "the same values, row by row")
        #expect(objects.count == 8)
        for (row, object) in zip(tsv.dropFirst(), objects) {
            #expect(Set(object.keys) == Set(fields + ["body"]), "JSON adds only the body")
            #expect(row[0] == object["date"] as? String && row[0].wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d/) != nil)
            #expect(row[1] == object["kind"] as? String && ["news", "event", "document", "discussion", "solution"].contains(row[1]))
            #expect(row[4] == object["link"] as? String && row[4].hasPrefix("https://"))
            #expect(row[3] == (object["topics"] as? [String])?.joined(separator: "; "))
            #expect(row[7] == (object["topic_uris"] as? [String])?.joined(separator: "; "))
        }
        try expectNoHeaderDropsTheFirstRow(["items"])
    }

    @Test func membersPrintTheSameFieldsInTSVCSVAndJSON() throws {
        let fields = ["name", "business_title", "organisation", "roles", "state", "member_since", "id"]
        let (tsv, csv, objects) = try threeFormats(["members"])
        #expect(tsv.first == fields)
        #expect(csv == tsv)
        #expect(tsv.count == 60 && objects.count == 59)
        for (row, object) in zip(tsv.dropFirst(), objects) {
            #expect(Set(object.keys) == Set(fields))
            #expect(row[3] == (object["roles"] as? [String])?.joined(separator: "; "))
            #expect(row[5] == object["member_since"] as? String && row[5].contains("T"))
        }
        try expectNoHeaderDropsTheFirstRow(["members"])
    }

    @Test func collectionsListsTheCachedCollectionsWithCountsAndMembership() throws {
        let fields = ["alias", "title", "items", "members", "membership", "markers", "topics", "topic_uris", "uri"]
        let (tsv, csv, objects) = try threeFormats(["collections"])
        #expect(tsv.first == fields && csv == tsv)
        #expect(tsv.dropFirst().map { Array($0[0...4]) } == [[Self.ospo, "EC Open Source Programme Office", "8", "59", ""]])
        #expect(objects.first?["items"] as? Int == 8 && objects.first?["members"] as? Int == 59)

        // With a remote: the directory is listed (counts for what is synced), --cached keeps to the
        // cache, and a join shows as the membership.
        let remote = try startRemote()
        defer { remote.server.stop() }
        #expect(try joinup(["sync", "--remote", remote.base]).status == 0)
        try login("t-ana", remote: remote)
        #expect(try joinup(["join", Self.ospo, "--yes", "--remote", remote.base]).status == 0)
        for arguments in [["collections"], ["collections", "--cached"]] {
            let rows = try joinup(arguments + ["--no-header"]).stdout.split(separator: "\n").map { $0.components(separatedBy: "\t") }
            #expect(rows.count == 3, "\(arguments): \(rows)")
            let ospo = try #require(rows.first { $0[0] == Self.ospo })
            #expect(ospo[2] == "8" && ospo[3] != "" && ospo[4] == "member", "\(arguments): \(ospo)")
        }
    }

    @Test func datesTakeADayAMonthOrAYearLikeTheQuery() throws {
        let pairs: [([String], String)] = [
            (["--since", "2022-06"], "after:2022-06"), (["--since", "2023"], "after:2023"),
            (["--until", "2022-08"], "before:2022-09"), (["--since", "2022-08", "--until", "2022-08"], "after:2022-08 before:2022-09"),
        ]
        let all = try joinup(["items", "--no-header"]).stdout
        for (options, query) in pairs {
            let byOption = try joinup(["items", "--no-header"] + options)
            let byQuery = try joinup(["items", "--no-header", "--query", query])
            #expect(byOption.status == 0, "\(options): \(byOption.stderr)")
            #expect(byOption.stdout == byQuery.stdout && !byOption.stdout.isEmpty && byOption.stdout != all, "\(options)")
        }
        let backwards = try joinup(["items", "--since", "2023-03", "--until", "2022"])
        #expect(backwards.status == 2)
        #expect(backwards.stderr == "joinup: --since 2023-03 is after --until 2022: no item can match.\n")
        let limit = try joinup(["items", "--limit", "-1"])
        #expect(limit.status == 2)
        #expect(limit.stderr == "joinup: --limit must be 0 or more.\n")
        let malformed = try joinup(["items", "--since", "2023-6"])
        #expect(malformed.status == 2 && malformed.stderr.contains("YYYY-MM-DD, YYYY-MM or YYYY"), "\(malformed.stderr)")
    }

    /// The TSV and CSV rows (header first) and the JSON objects of one listing.
    private func threeFormats(_ command: [String]) throws -> (tsv: [[String]], csv: [[String]], json: [[String: Any]]) {
        let tsv = try joinup(command), csv = try joinup(command + ["--csv"]), json = try joinup(command + ["--json"])
        for result in [tsv, csv, json] { #expect(result.status == 0 && result.stderr.isEmpty, "\(result.stderr)") }
        let objects = try json.stdout.split(separator: "\n").map {
            try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        return (tsv.stdout.split(separator: "\n").map { $0.components(separatedBy: "\t") },
                ExportEscapingTests().parseCSV(csv.stdout), objects)
    }

    private func expectNoHeaderDropsTheFirstRow(_ command: [String]) throws {
        for format in [[], ["--csv"]] {
            let withHeader = try joinup(command + format).stdout
            let without = try joinup(command + format + ["--no-header"]).stdout
            #expect(!without.isEmpty && withHeader.hasSuffix(without) && withHeader.count > without.count, "\(command + format)")
            #expect(!without.hasPrefix(command == ["items"] ? "date" : "name"), "\(command + format)")
        }
    }
}
