import Foundation
import JoinupTestSupport
import Testing
@testable import JoinupViews

@Suite struct LinkOpenerTests {
    @Test func onlyHTTPAndHTTPSLinksAreOpened() {
        #expect(LinkOpener.refusal(for: "https://joinup.ec.europa.eu/news/1") == nil)
        #expect(LinkOpener.refusal(for: "HTTP://example.org") == nil)
        #expect(LinkOpener.refusal(for: "file:///etc/passwd")?.contains("only http and https") == true)
        #expect(LinkOpener.refusal(for: "javascript:alert(1)") != nil)
        #expect(LinkOpener.refusal(for: "-oProxyCommand=touch /tmp/x") != nil)
        #expect(LinkOpener.refusal(for: "") != nil)
        #expect(LinkOpener.refusal(for: "https:///path") != nil)
        #expect(LinkOpener.refusal(for: "https://a.b/x\ny") != nil)
        // Spaces are harmless without a shell: they reach the browser inside the one argument.
        #expect(LinkOpener.refusal(for: "https://a.b/x y") == nil)
        // Control characters from the network never reach the status line.
        #expect(LinkOpener.refusal(for: "ftp://\u{1B}[2Jx")?.contains("\u{1B}") == false)
    }

    @Test func theCommandIsConfiguredThenBROWSERThenXdgOpen() {
        let link = "https://example.org/a"
        #expect(LinkOpener.launch(for: link, configured: ["firefox", "--new-tab"], environment: ["BROWSER": "w3m"])
            == LinkLaunch(arguments: ["firefox", "--new-tab", link], usesTerminal: false))
        #expect(LinkOpener.launch(for: link, configured: ["open", "%u", "--now"], environment: [:]).arguments
            == ["open", link, "--now"])
        #expect(LinkOpener.launch(for: link, configured: nil, environment: ["BROWSER": "/usr/bin/w3m -no-mouse:firefox"])
            == LinkLaunch(arguments: ["/usr/bin/w3m", "-no-mouse", link], usesTerminal: true))
        #expect(LinkOpener.launch(for: link, configured: nil, environment: [:])
            == LinkLaunch(arguments: ["xdg-open", link], usesTerminal: false))
        #expect(LinkOpener.launch(for: link, configured: nil, environment: ["BROWSER": ""]).arguments == ["xdg-open", link])
    }

    @Test func placeholdersAreReplacedInsideAnyArgument() {
        let link = "https://example.org/a%20b?x=%u"
        #expect(LinkOpener.launch(for: link, configured: ["firefox", "--new-tab=%u"], environment: [:]).arguments
            == ["firefox", "--new-tab=\(link)"])
        #expect(LinkOpener.launch(for: link, configured: ["b", "--url", "[%s]", "--keep=100%"], environment: [:]).arguments
            == ["b", "--url", "[\(link)]", "--keep=100%"])
        // A placeholder inside an argument counts as placed: the link is not appended again.
        #expect(LinkOpener.launch(for: link, configured: ["b", "-u%u"], environment: [:]).arguments.count == 2)
    }

    /// A real program records its arguments; hostile links arrive as one literal argument and
    /// nothing in them runs (no shell is involved, so the marker file is never made).
    @Test(arguments: [
        "https://example.org/a;touch MARKER",
        "https://example.org/$(touch MARKER)",
        "https://example.org/`touch MARKER`",
        "https://example.org/'\";touch MARKER;'",
        "https://example.org/a|touch MARKER&&touch MARKER",
    ])
    func hostileLinksReachTheBrowserLiterally(template: String) throws {
        let folder = try TemporaryFolder()
        let marker = folder.path("marker")
        let record = folder.path("argv")
        let script = folder.path("fake-browser")
        try """
            #!/bin/sh
            for argument in "$@"; do printf '%s\\n' "$argument"; done > "\(record).tmp"
            mv "\(record).tmp" "\(record)"
            """.write(toFile: script, atomically: true, encoding: .utf8)
        chmod(script, 0o755)
        let link = template.replacingOccurrences(of: "MARKER", with: marker)
        #expect(LinkOpener.refusal(for: link) == nil)

        let launch = LinkOpener.launch(for: link, configured: [script, "--flag"], environment: [:])
        let pid = try spawnRetryingBusy(launch)
        #expect(LinkOpener.wait(for: pid) == 0)
        let recorded = try String(contentsOfFile: record, encoding: .utf8)
        #expect(recorded == "--flag\n\(link)\n")
        #expect(!FileManager.default.fileExists(atPath: marker))
    }

    @Test func aMissingBrowserIsAnErrorNotACrash() {
        let launch = LinkLaunch(arguments: ["/nonexistent/joinup-browser", "https://example.org"], usesTerminal: false)
        #expect(throws: LinkOpenError.self) { try LinkOpener.spawn(launch) }
    }

    /// A script just written can be "busy" for a moment when a parallel test forks while its
    /// file was open for writing (ETXTBSY); that is the test's race, so try again briefly.
    private func spawnRetryingBusy(_ launch: LinkLaunch) throws -> pid_t {
        for _ in 0..<50 {
            do {
                return try LinkOpener.spawn(launch)
            } catch let error as LinkOpenError where error.reason.contains("busy") {
                usleep(20_000)
            }
        }
        return try LinkOpener.spawn(launch)
    }
}
