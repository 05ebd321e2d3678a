import Foundation
import Testing
@testable import JoinupSync

/// Where requests may go: origins, redirects, link-local addresses, proxies, and URLs without
/// passwords.
@Suite struct NetworkPolicyTests {
    func url(_ text: String) -> URL { URL(string: text)! }

    @Test func originsCompareSchemeHostAndPortWithDefaultPortsFilledIn() {
        #expect(Origin("https://Joinup.EC.europa.eu/collection/x")?.description == "https://joinup.ec.europa.eu")
        #expect(Origin("https://joinup.ec.europa.eu:443") == Origin("https://joinup.ec.europa.eu/"))
        #expect(Origin("http://127.0.0.1:8080/a")?.description == "http://127.0.0.1:8080")
        #expect(Origin("http://[::1]:9/")?.description == "http://[::1]:9")
        #expect(Origin("http://127.0.0.1:8080") != Origin("http://127.0.0.1:8081"))
        #expect(Origin("http://joinup.ec.europa.eu") != Origin("https://joinup.ec.europa.eu"))
        #expect(Origin("ftp://joinup.ec.europa.eu") == nil)
        #expect(Origin("/relative/path") == nil)
    }

    @Test func redirectsStayOnTheOriginOrUpgradeToHTTPS() {
        let feed = url("http://127.0.0.1:8080/collection/x/feed.xml")
        #expect(NetworkPolicy.redirectRefusal(from: feed, to: url("http://127.0.0.1:8080/collection/y/feed.xml")) == nil)
        #expect(NetworkPolicy.redirectRefusal(from: url("http://joinup.ec.europa.eu/a"), to: url("https://joinup.ec.europa.eu/a")) == nil)
        let refused = [
            "http://127.0.0.1:8081/collection/x/feed.xml",   // another port on this machine
            "http://169.254.169.254/latest/meta-data/",      // the cloud metadata service
            "https://evil.example/feed.xml",
            "file:///etc/passwd",
        ]
        for target in refused {
            let refusal = NetworkPolicy.redirectRefusal(from: feed, to: url(target))
            #expect(refusal?.contains(target.replacingOccurrences(of: "file://", with: "file://")) == true, "\(target): \(refusal ?? "allowed")")
        }
        // Downgrades and upgrades to another host are not upgrades.
        #expect(NetworkPolicy.redirectRefusal(from: url("https://joinup.ec.europa.eu/a"), to: url("http://joinup.ec.europa.eu/a")) != nil)
        #expect(NetworkPolicy.redirectRefusal(from: url("http://joinup.ec.europa.eu/a"), to: url("https://other.example/a")) != nil)
    }

    @Test func linkLocalAndMetadataAddressesAreRefusedOthersAllowed() {
        for host in ["169.254.169.254", "169.254.0.1", "[fe80::1]", "fe80::abcd", "febf::1", "::ffff:169.254.169.254",
                     "metadata.google.internal", "METADATA"] {
            #expect(NetworkPolicy.addressRefusal(host: host)?.contains("link-local") == true, "\(host) allowed")
        }
        for host in ["127.0.0.1", "::1", "[::1]", "10.0.0.1", "169.253.255.255", "fec0::1", "localhost"] {
            #expect(NetworkPolicy.addressRefusal(host: host) == nil, "\(host) refused")
        }
        // Through a proxy names are not resolved here; literal addresses and metadata names still are refused.
        #expect(NetworkPolicy.addressRefusal(host: "169.254.169.254", resolving: false) != nil)
        #expect(NetworkPolicy.addressRefusal(host: "metadata.google.internal", resolving: false) != nil)
        #expect(NetworkPolicy.addressRefusal(host: "joinup.ec.europa.eu", resolving: false) == nil)
    }

    @Test func userNamesAndPasswordsAreCutOutOfURLs() {
        #expect(URLText.withoutUserinfo("http://alice:pw@127.0.0.1:8080/collection/x?a=b@c") == "http://127.0.0.1:8080/collection/x?a=b@c")
        #expect(URLText.withoutUserinfo("https://alice@joinup.ec.europa.eu") == "https://joinup.ec.europa.eu")
        #expect(URLText.withoutUserinfo("http://a:b@c@host/") == "http://host/")
        #expect(URLText.withoutUserinfo("https://joinup.ec.europa.eu/x@y") == "https://joinup.ec.europa.eu/x@y")
        #expect(URLText.hasUserinfo("http://u:p@h") && !URLText.hasUserinfo("http://h/@"))
        #expect(RemoteLayout(base: "http://alice:secret@127.0.0.1:9/")?.base == "http://127.0.0.1:9")
    }

    @Test func proxiesComeFromTheEnvironmentAsCurlReadsThem() {
        let settings = ProxySettings(environment: [
            "https_proxy": "http://user:p%40ss@proxy.corp:3128", "HTTP_PROXY": "http://cgi-injected:1",
            "all_proxy": "socks5h://socks.corp", "no_proxy": "intranet.corp, .eu.int",
        ])
        #expect(settings.https == ProxyServer(kind: .http, host: "proxy.corp", port: 3128, user: "user", password: "p@ss"))
        // Upper-case HTTP_PROXY is ignored (a CGI sets it from a request header); all_proxy fills in.
        #expect(settings.http == ProxyServer(kind: .socks5, host: "socks.corp", port: 1080, user: nil, password: nil))
        #expect(settings.proxy(for: url("https://joinup.ec.europa.eu/x"), carriesToken: true)?.host == "proxy.corp")
        #expect(settings.proxy(for: url("http://joinup.ec.europa.eu/x"), carriesToken: false)?.host == "socks.corp")
        #expect(settings.proxy(for: url("https://wiki.intranet.corp/"), carriesToken: false) == nil)
        #expect(settings.proxy(for: url("https://data.eu.int/"), carriesToken: false) == nil)
        #expect(ProxySettings(environment: ["NO_PROXY": "*", "ALL_PROXY": "p:1"]).proxy(for: url("https://a.example"), carriesToken: false) == nil)
    }

    @Test func loopbackAndATokenOverPlainHTTPNeverGoThroughAProxy() {
        let settings = ProxySettings(environment: ["http_proxy": "proxy:3128", "https_proxy": "proxy:3128", "ALL_PROXY": "proxy:3128"])
        for loopback in ["http://127.0.0.1:8080/collection/x/join", "http://localhost:9/", "http://[::1]:9/", "https://127.0.0.1/"] {
            #expect(settings.proxy(for: url(loopback), carriesToken: true) == nil, "\(loopback)")
            #expect(settings.proxy(for: url(loopback), carriesToken: false) == nil, "\(loopback)")
        }
        #expect(settings.proxy(for: url("http://joinup.example/user"), carriesToken: true) == nil)
        #expect(settings.proxy(for: url("http://joinup.example/feed.xml"), carriesToken: false)?.host == "proxy")
        // Over https the token travels inside the TLS tunnel, which the proxy cannot read.
        #expect(settings.proxy(for: url("https://joinup.example/user"), carriesToken: true)?.host == "proxy")
    }
}
