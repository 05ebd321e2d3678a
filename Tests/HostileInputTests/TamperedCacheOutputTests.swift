import Foundation
import GRDB
import JoinupTestSupport
import Testing

/// A cache file edited behind joinup's back (another program, a restored backup, a user who can
/// write the file): the parsers' sanitising never saw these strings, so every output must filter
/// them again. Runs the built `joinup` on every headless command and format and scans stdout and
/// stderr byte for byte, as a terminal would receive them.
@Suite(.serialized, .timeLimit(.minutes(3)))
struct TamperedCacheOutputTests {
    /// OSC 52 ended by BEL, a CSI, C1 CSI, RLO, LRI, ZWSP, DEL, backspace, a tag character.
    static let hostile = "Evil\u{1B}]52;c;ZXZpbA==\u{07}\u{1B}[2J\u{9B}6n\u{202E}gpj.exe\u{2066}\u{200B}\u{7F}\u{08}\u{E0041}end"
    static let topicURI = "http://example.org/topic#evil\u{9B}6n\u{202E}"

    @Test func everyHeadlessCommandAndFormatFiltersTamperedRows() throws {
        let folder = try TemporaryFolder()
        let paths = ["--data-dir", folder.path("data"), "--config-dir", folder.path("config")]
        func joinup(_ arguments: [String]) throws -> (status: Int32, bytes: [UInt8], stderr: String) {
            // Raw bytes: decoding as String would hide invalid UTF-8 and normalise nothing else.
            let process = Process()
            process.executableURL = URL(fileURLWithPath: builtBinary("joinup"))
            process.arguments = arguments + paths
            process.environment = ProcessInfo.processInfo.environment.merging(["HOME": folder.path("home")]) { $1 }
            let out = Pipe(), err = Pipe()
            process.standardOutput = out
            process.standardError = err
            try process.run()
            let bytes = [UInt8](out.fileHandleForReading.readDataToEndOfFile())
            let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return (process.terminationStatus, bytes, stderr)
        }
        #expect(try joinup(["about"]).status == 0)  // imports the embedded snapshot
        try tamper(folder.path("data") + "/joinup.sqlite")

        let runs: [[String]] = [["items"], ["items", "--csv"], ["items", "--json"], ["members"], ["members", "--json"],
                                ["about"], ["about", "--json"], ["topics"], ["topics", "--json"], ["doctor"]]
        for arguments in runs {
            let run = try joinup(arguments)
            #expect(run.status == 0, "\(arguments): \(run.stderr)")
            let violations = TerminalStreamScan.violations(in: run.bytes) + TerminalStreamScan.violations(in: Array(run.stderr.utf8))
            #expect(violations.isEmpty, "\(arguments) printed: \(violations)")
            let text = String(decoding: run.bytes, as: UTF8.self)
            if arguments != ["doctor"] {
                // The tampered rows were printed (defanged), so the scan looked at them.
                #expect(text.contains("52;c;ZXZpbA=="), "\(arguments) never printed the tampered text: \(text.prefix(300))")
            }
            if arguments.contains("--json") {
                // Escaped is not enough: `jq -r` would turn "\u001b" back into ESC.
                for escaped in ["\\u001b", "\\u0007", "\\u007f", "\\b"] {
                    #expect(!text.contains(escaped), "\(arguments) kept \(escaped)")
                }
                for line in text.split(separator: "\n") {
                    #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) != nil, "\(arguments): not JSON: \(line.prefix(200))")
                }
            }
        }
    }

    /// Hostile text in an item's title, author and link, a topic (label and URI), a member's
    /// name, title and organisation, and the collection's title, owner and description.
    private func tamper(_ path: String) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            let h = Self.hostile
            try db.execute(sql: "UPDATE item SET title = ?, author = ?, link = ?", arguments: [h, h, "https://x/\(h)"])
            try db.execute(sql: "UPDATE topic SET label = ?", arguments: [h])
            try db.execute(sql: "INSERT INTO topic (uri, label, parent_uri, level) VALUES (?, ?, NULL, 'term')",
                           arguments: [Self.topicURI, h])
            try db.execute(sql: "INSERT INTO item_topic (item_id, topic_uri, position, list_date) SELECT id, ?, 99, list_date FROM item",
                           arguments: [Self.topicURI])
            try db.execute(sql: "DELETE FROM filter_index_snapshot")  // the stored index predates the new topic
            try db.execute(sql: "UPDATE member SET name = ?, business_title = ?, organisation = ?", arguments: [h, h, h])
            try db.execute(sql: """
                UPDATE collection SET title = ?, about_json = json_set(about_json, '$.title', ?, '$.owner', ?,
                    '$.description', ?, '$.spatial', json_array(?), '$.feedURL', ?)
                """, arguments: [h, h, h, "Para one\n\n\(h)", h, "https://x/\(h)"])
        }
        try queue.close()
    }
}
