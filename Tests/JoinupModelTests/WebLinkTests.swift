import Testing
import JoinupModel

@Suite struct WebLinkTests {
    @Test func onlyAbsoluteHTTPAndHTTPSLinksAreKept() {
        #expect(WebLink.http("https://joinup.ec.europa.eu/collection/x") == "https://joinup.ec.europa.eu/collection/x")
        #expect(WebLink.http("HTTP://example.org/a?b=c#d") == "HTTP://example.org/a?b=c#d")
        for hostile in ["javascript:alert(1)", "JavaScript:alert(1)", "file:///etc/passwd", "data:text/html,<script>",
                        "vbscript:x", "/relative/path", "example.org/page", "http:/one-slash", "https://", "http:// spaced.org",
                        "ftp://example.org/f", ""] {
            #expect(WebLink.http(hostile) == nil, "\(hostile) was kept")
        }
    }

    @Test func aKeptLinkIsSanitisedToOneLine() {
        #expect(WebLink.http("https://example.org/\u{1B}[31m\u{202E}x\n") == "https://example.org/[31mx")
    }
}
