import Foundation
import JoinupTestSupport
import Testing

/// `joinup items|topics|members|about` on the embedded EC OSPO snapshot (a fresh data folder
/// imports it), run as the built binary.
@Suite struct HeadlessCommandTests {
    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder()
    }

    private func joinup(_ arguments: [String]) throws -> CommandResult {
        try runCommand(builtBinary("joinup"), arguments + ["--data-dir", folder.path("data"), "--config-dir", folder.path("config")],
                       environment: ["HOME": folder.path("home")])
    }

    private func titles(_ arguments: [String]) throws -> [String] {
        let result = try joinup(["items", "--no-header"] + arguments)
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        return result.stdout.split(separator: "\n").map { String($0.split(separator: "\t", omittingEmptySubsequences: false)[2]) }
    }

    @Test func topicByLabelByCategoryURIAndByTermURI() throws {
        #expect(try titles(["--topic", "ICT security"]) == ["FOSSEPS Critical Open Source Software Study Report",
                                                             "New set of Bug Bounties 2022"])
        #expect(try titles(["--topic", "ict SECURITY"]).count == 2)
        #expect(try titles(["--topic", "http://joinup.eu/ontology/topic/category#ict"]).count == 8)
        #expect(try titles(["--topic", "http://joinup.eu/ontology/topic#ict"]).count == 3)
        #expect(try titles(["--topic", "Legal", "--topic", "ICT security"]).count == 4)
    }

    @Test func aNewDataFolderIsReadableByItsOwnerOnly() throws {
        let result = try joinup(["topics"])
        #expect(result.status == 0, "\(result.stderr)")
        let attributes = try FileManager.default.attributesOfItem(atPath: folder.path("data"))
        let mode = try #require(attributes[.posixPermissions] as? NSNumber).intValue
        #expect(mode & 0o777 == 0o700, "mode \(String(mode, radix: 8))")
    }

    @Test func anAmbiguousLabelIsAnErrorNamingEveryCandidate() throws {
        let result = try joinup(["items", "--topic", "ICT"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(result.stderr)")
        for text in ["http://joinup.eu/ontology/topic/category#ict (category)", "http://joinup.eu/ontology/topic#ict (term)"] {
            #expect(result.stderr.contains(text), "\(result.stderr)")
        }
    }

    @Test func syncRefusesAParallelismOutsideOneToSixteenBeforeAnyRequest() throws {
        for value in ["0", "-3", "17"] {
            let result = try joinup(["sync", "--remote", "http://127.0.0.1:9", "--parallel=\(value)"])
            // 2: swift-argument-parser's validation errors exit with joinup's usage code, in joinup's style.
            #expect(result.status == 2, "--parallel \(value): \(result.stderr)")
            #expect(result.stderr.hasPrefix("joinup: give --parallel a number from 1 to 16.\n"), "\(result.stderr)")
        }
    }

    @Test func anUnknownLabelSuggestsCloseOnes() throws {
        let result = try joinup(["items", "--topic", "ICT secruity"])
        #expect(result.status == 6, "not found")
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.stderr.contains("did you mean \"ICT security\""), "\(result.stderr)")
    }

    @Test func typeSearchAndDates() throws {
        #expect(try titles(["--type", "event"]) == ["Register for the biggest 2023 open-source conference in Brussels!"])
        #expect(try titles(["--type", "news"]).count == 7)
        // Diacritics and case fold both ways: authors "Łukasz Wiśniewski", "Margarethe Köhler".
        #expect(try titles(["--search", "wisniewski"]).count == 1)
        #expect(try titles(["--search", "KÖHLER"]) == (try titles(["--search", "kohler"])))
        #expect(try titles(["--search", "kohler"]).count == 1)
        #expect(try titles(["--search", "moodl"]) == ["Check how the hackathon improved Moodle for education!",
                                                       "Get plugged into education with Moodle!"])
        #expect(try titles(["--search", "\"NEAR( *"]).isEmpty)  // never an FTS syntax error
        #expect(try titles(["--since", "2023-01-01"]).count == 2)
        #expect(try titles(["--since", "2022-08-05", "--until", "2022-08-11"]).count == 2)  // --until is inclusive
        #expect(try titles(["--sort", "oldest", "--limit", "1"]) == ["New set of Bug Bounties 2022"])
        #expect(try titles(["--sort", "title", "--limit", "2"]) == ["Accepting open source contributions from third-party developers",
                                                                     "Blog post by European Commission Open Source Programme Office"])
        let bad = try joinup(["items", "--since", "2023-02-30"])
        #expect(bad.status == 2 && bad.stderr.split(separator: "\n").count == 1)
        let badType = try joinup(["items", "--type", "podcast"])
        #expect(badType.status == 2 && badType.stderr.contains("news, event, document, discussion, solution"))
    }

    @Test func jsonLinesParseBack() throws {
        let result = try joinup(["items", "--json"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 8)
        let objects = try lines.map { try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        #expect(objects.map { $0["title"] as? String } == seedTitles)
        let first = objects[0]
        #expect(Set(first.keys) == ["id", "kind", "title", "date", "link", "author", "body", "topics", "topic_uris"])
        #expect(first["kind"] as? String == "event")
        #expect((first["date"] as? String)?.hasPrefix("2023-11-21T") == true)
        #expect((first["topics"] as? [String])?.first == "Collaboration")
        #expect((first["topic_uris"] as? [String])?.first == "http://joinup.eu/ontology/topic#collaboration")
    }

    @Test func topicsCountLikeTheSeedPage() throws {
        let result = try joinup(["topics"])
        #expect(result.status == 0)
        let rows = result.stdout.split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
        #expect(rows.count == 14)
        #expect(rows.map { "\($0[0]) (\($0[1]))" } == [
            "ICT (8)", "Open Source Software (7)", "Digital government (4)", "ICT (3)", "Collaboration (2)",
            "eGovernment (2)", "ICT security (2)", "Legal (2)", "Content and knowledge management (1)",
            "Digital innovation (1)", "Education (1)", "Innovation (1)", "Science and technology (1)", "Standardisation (1)",
        ])
        #expect(rows[0][2] == "category" && rows[3][2] == "term")
        // The facet ignores its own topic selection but follows the type filter.
        let selected = try joinup(["topics", "--topic", "Legal"])
        #expect(selected.stdout == result.stdout)
        let events = try joinup(["topics", "--type", "event", "--json"])
        let facet = try events.stdout.split(separator: "\n").map {
            try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(facet.count == 6)  // the event's 4 terms and their 2 categories
        #expect(facet.allSatisfy { $0["count"] as? Int == 1 })
    }

    @Test func membersByRoleAndName() throws {
        let owners = try joinup(["members", "--role", "owner", "--no-header"])
        #expect(owners.stdout.split(separator: "\n").count == 1)
        let staff = try joinup(["members", "--role", "owner", "--role", "facilitator", "--json"])
        let objects = try staff.stdout.split(separator: "\n").map {
            try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(!objects.isEmpty)
        #expect(objects.allSatisfy { (($0["roles"] as? [String]) ?? []).contains { $0 == "owner" || $0 == "facilitator" } })
        let byName = try joinup(["members", "--search", "WISNIEWSKI"])
        #expect(byName.stdout.contains("Łukasz Wiśniewski"))
        let badRole = try joinup(["members", "--role", "king"])
        #expect(badRole.status == 2 && badRole.stderr.split(separator: "\n").count == 1)
    }

    @Test func aboutAsJSON() throws {
        let result = try joinup(["about", "--json"])
        #expect(result.status == 0)
        let object = try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["title"] as? String == "EC Open Source Programme Office")
        #expect(object["memberCount"] as? Int == 59)
        #expect((object["itemCounts"] as? [String: Int])?["news"] == 7)
    }

    @Test func unknownCollectionIsOneLine() throws {
        let result = try joinup(["items", "--collection", "nope"])
        #expect(result.status == 6, "not found")
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.stderr.contains("nope"))
    }

    @Test func queryLanguageFiltersAndPointsAtMistakes() throws {
        #expect(try titles(["--query", "type:event after:2023-01-01"]) == [seedTitles[0]])
        #expect(try titles(["--query", "topic:\"ICT security\" -topic:\"Digital government\""]) == [seedTitles[7]])
        #expect(try titles(["--type", "news", "--query", "moodle"]).count == 2)
        let ambiguous = try joinup(["items", "--query", "topic:ICT"])
        #expect(ambiguous.status == 2)
        #expect(ambiguous.stderr.contains("http://joinup.eu/ontology/topic/category#ict"))
        #expect(ambiguous.stderr.contains("http://joinup.eu/ontology/topic#ict"))
        let badDate = try joinup(["items", "--query", "type:event after:2023-13-01"])
        #expect(badDate.status == 2)
        #expect(badDate.stderr.hasPrefix("joinup: --query: column 12"))
        // The caret sits under column 12 of the echoed query (two spaces of indent).
        let lines = badDate.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines.last?.hasPrefix(String(repeating: " ", count: 2 + 11) + "^") == true)
    }
}

/// CSV and JSON escaping on a collection whose text has commas, quotes and non-ASCII, synced
/// from `joinup-remote`.
@Suite struct ExportEscapingTests {
    static let awkwardTitle = "Quotes \"here\", commas, and a semicolon; done"

    @Test func csvQuotesAndJSONEscapesRoundTrip() throws {
        let folder = try TemporaryFolder()
        let data = try folder.copyOfFixtures()
        let feed = data.appendingPathComponent("ec-open-source-programme-office/feed.xml")
        let text = try String(contentsOf: feed, encoding: .utf8)
        try text.replacingOccurrences(of: "<title>News: NextGov Hackathon</title>",
                                      with: "<title>News: Quotes &quot;here&quot;, commas, and a semicolon; done</title>")
            .write(to: feed, atomically: true, encoding: .utf8)
        let remote = try RemoteProcess(data: data, folder: folder)
        let base = ["--data-dir", folder.path("data"), "--config-dir", folder.path("config")]
        let sync = try runCommand(builtBinary("joinup"), ["sync", "--remote", remote.base] + base)
        #expect(sync.status == 0, "\(sync.stderr)")
        for alias in ["ec-open-source-programme-office", "cybersecurity-working-group"] {
            let csv = try runCommand(builtBinary("joinup"), ["items", "--csv", "--collection", alias] + base)
            let json = try runCommand(builtBinary("joinup"), ["items", "--json", "--collection", alias] + base)
            #expect(csv.status == 0 && json.status == 0)
            #expect(csv.stdout.hasSuffix("\r\n"))
            let records = parseCSV(csv.stdout)
            #expect(records.first == ["date", "kind", "title", "topics", "link", "author", "id", "topic_uris"])
            let objects = try json.stdout.split(separator: "\n").map {
                try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
            }
            #expect(records.count == objects.count + 1)
            for (record, object) in zip(records.dropFirst(), objects) {
                #expect(record.count == 8)
                #expect(record[2] == object["title"] as? String)
                #expect(record[5] == object["author"] as? String)
                #expect(record[6] == object["id"] as? String)
                #expect(record[0] == object["date"] as? String)
            }
            if alias == "ec-open-source-programme-office" {
                #expect(objects.contains { $0["title"] as? String == Self.awkwardTitle })
                #expect(csv.stdout.contains("\"Quotes \"\"here\"\", commas, and a semicolon; done\""))
            }
        }
    }

    /// A strict RFC 4180 reader: quoted fields may hold commas, quotes (doubled) and line breaks.
    func parseCSV(_ text: String) -> [[String]] {
        var records: [[String]] = [], record: [String] = [], field = "", quoted = false, wasQuoted = false
        var characters = Array(text)[...]
        while let c = characters.popFirst() {
            if quoted {
                if c == "\"" {
                    if characters.first == "\"" { field.append("\""); characters.removeFirst() } else { quoted = false }
                } else { field.append(c) }
            } else if c == "\"" && field.isEmpty && !wasQuoted {
                quoted = true; wasQuoted = true
            } else if c == "," {
                record.append(field); field = ""; wasQuoted = false
            } else if c == "\r\n" {
                record.append(field); records.append(record); record = []; field = ""; wasQuoted = false
            } else {
                field.append(c)
            }
        }
        if !field.isEmpty || !record.isEmpty { record.append(field); records.append(record) }
        return records
    }
}
