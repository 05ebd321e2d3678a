import Foundation

/// A proxy server to reach a remote through.
public struct ProxyServer: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// An HTTP proxy, used as a `CONNECT` tunnel.
        case http
        case socks5
    }

    public var kind: Kind
    public var host: String
    public var port: Int
    /// `user:password` from the proxy URL, sent to the proxy as HTTP Basic.
    public var user: String?
    public var password: String?

    public init(kind: Kind, host: String, port: Int, user: String? = nil, password: String? = nil) {
        self.kind = kind
        self.host = host
        self.port = port
        self.user = user
        self.password = password
    }

    /// Reads `http://[user:pw@]host:port`, `socks5://host:port` (socks5h too), or a bare `host:port`.
    init?(_ text: String) {
        var text = text.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return nil }
        if !text.contains("://") { text = "http://" + text }
        guard let components = URLComponents(string: text), let host = components.host, !host.isEmpty,
              let scheme = components.scheme?.lowercased() else { return nil }
        switch scheme {
        case "http": kind = .http; port = components.port ?? 1080
        case "socks5", "socks5h": kind = .socks5; port = components.port ?? 1080
        default: return nil
        }
        self.host = host
        if let user = components.user {
            self.user = user.removingPercentEncoding ?? user
            password = (components.password ?? "").removingPercentEncoding ?? ""
        }
    }
}

/// The proxies of the environment, as curl reads them, and which request uses which.
///
/// `https_proxy`/`HTTPS_PROXY` for https, `http_proxy` for http (lower case only: a CGI sets
/// `HTTP_PROXY` from a request header), `all_proxy`/`ALL_PROXY` for both, `no_proxy`/`NO_PROXY`
/// (comma-separated host suffixes, `*` for all) for exceptions. Two rules keep the token safe: a
/// loopback remote is always reached directly, and a request carrying the token over plain http
/// never goes through a proxy (over https it travels inside the TLS tunnel, unreadable to it).
public struct ProxySettings: Hashable, Sendable {
    public var https: ProxyServer?
    public var http: ProxyServer?
    /// Host names (and suffixes) reached directly.
    public var exceptions: [String]

    public init(https: ProxyServer? = nil, http: ProxyServer? = nil, exceptions: [String] = []) {
        self.https = https
        self.http = http
        self.exceptions = exceptions
    }

    public init(environment: [String: String]) {
        func first(_ names: String...) -> String? {
            names.lazy.compactMap { environment[$0] }.first { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        }
        let all = first("all_proxy", "ALL_PROXY")
        https = (first("https_proxy", "HTTPS_PROXY") ?? all).flatMap(ProxyServer.init)
        http = (first("http_proxy") ?? all).flatMap(ProxyServer.init)
        exceptions = (first("no_proxy", "NO_PROXY") ?? "").split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            .filter { !$0.isEmpty }
    }

    /// The proxy for a request to `url`; nil to connect directly.
    public func proxy(for url: URL, carriesToken: Bool) -> ProxyServer? {
        guard let origin = Origin(url) else { return nil }
        if TokenPolicy.isLoopback(origin.host) { return nil }
        if carriesToken && origin.scheme == "http" { return nil }
        if isException(origin.host) { return nil }
        return origin.scheme == "https" ? https : http
    }

    private func isException(_ host: String) -> Bool {
        exceptions.contains { rule in
            if rule == "*" { return true }
            let suffix = rule.hasPrefix(".") ? String(rule.dropFirst()) : rule
            return host == suffix || host.hasSuffix("." + suffix)
        }
    }
}
