import Foundation
import JoinupTestSupport
import Testing

/// The ncurses path: what the built `joinup` writes to a real terminal (tmux) while showing hostile
/// data, byte for byte.
///
/// Why the byte stream and not the screen: `capture-pane` shows what tmux made of the output, after
/// it has already obeyed (and swallowed) any OSC 52 or title change. `pipe-pane -o` copies every
/// byte the program writes to its pty before tmux interprets it, so the test sees exactly what any
/// terminal would receive, and checks it against what ncurses itself emits for cursor and colour.
@Suite(.serialized, .timeLimit(.minutes(3)))
struct TerminalBytesTests {
    typealias H = HostileCorpus

    @Test func theScanFlagsClipboardWritesHyperlinksReportsBellsAndInvisibleCharacters() {
        let hostile: [(String, [UInt8])] = [
            ("OSC 52", Array("a\u{1B}]52;c;ZXZpbA==\u{7}b".utf8)),
            ("OSC 8", Array("\u{1B}]8;;http://x/\u{1B}\\link".utf8)),
            ("DSR", Array("\u{1B}[6n".utf8)),
            ("BEL", [0x41, 0x07]),
            ("C1 CSI", Array("\u{9B}31m".utf8)),
            ("RLO", Array("\u{202E}abc".utf8)),
            ("ZWSP", Array("a\u{200B}b".utf8)),
        ]
        for (name, bytes) in hostile {
            #expect(!TerminalStreamScan.violations(in: bytes).isEmpty, "\(name) was not flagged")
        }
        let ncursesLike = Array("\u{1B}[?1049h\u{1B}[1;1H\u{1B}[39;49m\u{1B}(B\u{1B}[mHello ▸ Zoë\u{1B}[K\r\n\u{1B}[?25l".utf8)
        #expect(TerminalStreamScan.violations(in: ncursesLike).isEmpty)
    }

    @Test func hostileTextSyncedByJoinupNeverReachesTheTerminalAsControlSequences() throws {
        let folder = try TemporaryFolder()
        let feed = H.feed(with:
            H.item(title: "News: Red \(H.c1CSI) \(H.c1OSC52) \(H.c1DCS) \(H.bidi)", guid: "t-1",
                   pubDate: "Tue, 02 Jan 2024 10:00:00 +0100", creator: "Mal\(H.c1OSC52)lory",
                   extra: "<category domain=\"http://example.org/t#evil\">Evil \u{202E}gpj.exe \(H.c1CSI)</category>"),
            H.item(title: "News: \(H.zeroWidth)", link: "javascript:alert(1)",
                   body: "<![CDATA[<p>\(H.entityCSI) \(H.entityOSC52) \(H.entityOSC8) \(H.entityBellBackspace)</p>]]>",
                   guid: "t-2", pubDate: "Mon, 01 Jan 2024 10:00:00 +0100"))
        let metadata = H.metadata
            .replacingOccurrences(of: "<dc:title xml:lang=\"en\">EC Open Source Programme Office</dc:title>",
                                  with: "<dc:title xml:lang=\"en\">Hostile OSPO \(H.c1CSI) \(H.bidi)</dc:title>")
            .replacingOccurrences(of: "<dc:description xml:lang=\"en\">&lt;p&gt;",
                                  with: "<dc:description xml:lang=\"en\"><![CDATA[<p>\(H.entityCSI) \(H.entityOSC52) \(H.entityOSC8) ]]>")
        let members = H.members(firstName: #"Zo\u001b[31më\u001b]52;c;ZXZpbA==\u0007\b\u009b6n\u202e\u200bz"#)
        var faults: [String] = []
        for (name, text, resource) in [("feed.xml", feed, HostileResource.feed), ("collection.rdf", metadata, .metadata),
                                       ("members.json", members, .members)] {
            let file = folder.path(name)
            try text.write(toFile: file, atomically: true, encoding: .utf8)
            faults += ["--fault", "body=\(file),path=\(resource.pathPattern)"]
        }
        let remote = try RemoteProcess(data: fixtureFolder, extra: faults, folder: folder)
        defer { remote.server.stop() }

        let paths = ["--data-dir", folder.path("data"), "--config-dir", folder.path("config")]
        let sync = try runCommand(builtBinary("joinup"), ["sync", "--remote", remote.base, "--collection", H.alias] + paths,
                                  environment: ["HOME": folder.path("home")])
        #expect(sync.status == 0, "joinup sync: \(sync.stdout) \(sync.stderr)")

        // The browser waits for the capture to be attached, so not one byte is missed.
        let ready = folder.path("ready"), capture = folder.path("terminal.bytes")
        let tmux = try TmuxSession.joinup(in: folder, prefix: "while [ ! -e \(shellQuoted(ready)) ]; do sleep 0.05; done; ")
        try tmux.tmux(["pipe-pane", "-o", "cat >> \(shellQuoted(capture))"])
        _ = FileManager.default.createFile(atPath: ready, contents: nil)

        try tmux.waitFor("Hostile OSPO")
        // Each key waits for the screen it leads to (keys are read in order, so a key without a
        // marker is done once the next marker shows).
        let steps: [(key: String, shows: String?)] = [
            ("Enter", "Mal52;c;ZXZpbA==lory"), ("Escape", "10 items"), ("j", nil), ("Enter", "SafeEVIL"),
            ("PageDown", nil), ("Escape", "10 items"), ("2", "[2 Members]"), ("3", "[3 About]"),
            ("PageDown", "End · 100%"), ("1", "[1 Overview]"), ("q", nil),
        ]
        for step in steps {
            try tmux.send(step.key)
            if let marker = step.shows { try tmux.waitFor(marker) }
        }
        try tmux.waitFor("EXIT=0")

        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: capture)))
        let text = String(decoding: bytes, as: UTF8.self)
        // The hostile strings were drawn (defanged), so the scan below looked at them.
        for shown in ["52;c;ZXZpbA==", "gpj.exe", "zerowidthnobreakjoiner", "[6n", "Mal52;c;ZXZpbA==lory"] {
            #expect(text.contains(shown), "\(shown) never reached the screen")
        }
        let violations = TerminalStreamScan.violations(in: bytes)
        #expect(violations.isEmpty, "control sequences reached the terminal: \(violations)")
    }
}
