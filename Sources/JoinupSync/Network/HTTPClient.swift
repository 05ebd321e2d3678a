import AsyncHTTPClient
import Foundation
import JoinupCache
import JoinupModel
import NIOCore
import NIOHTTP1
import NIOHTTPCompression
import NIOPosix

/// The outcome of one GET that the sync can use.
public enum HTTPFetch: Sendable, Equatable {
    /// 200: the body and the validators that came with it.
    case ok(body: Data, etag: String?, lastModified: String?)
    /// 304: what we hold is current.
    case notModified
    /// 404 / 410: the remote does not publish this resource.
    case notFound
    /// 412: a precondition of the URL no longer holds (a paged feed changed under us).
    case preconditionFailed
}

/// Limits of the HTTP client; timeouts are whole seconds (URLSession on Linux rounds down).
public struct HTTPClientLimits: Sendable, Equatable {
    /// Longest wait for the next bytes of a response.
    public var requestTimeout: Int
    /// Longest time for one whole request.
    public var resourceTimeout: Int
    /// Largest body accepted, in bytes, counted as it arrives and again as it inflates: larger bodies are refused while arriving.
    public var maximumBodySize: Int
    /// Further attempts after a busy answer (429, 5xx) or a broken connection, within `resourceTimeout` overall.
    public var retries: Int
    /// The longest wait between attempts, in seconds (a longer `Retry-After` is not waited for).
    public var maximumRetryWait: Int

    public init(requestTimeout: Int = 15, resourceTimeout: Int = 300, maximumBodySize: Int = 64 << 20,
                retries: Int = 2, maximumRetryWait: Int = 30) {
        self.requestTimeout = max(1, requestTimeout)
        self.resourceTimeout = max(1, resourceTimeout)
        self.maximumBodySize = maximumBodySize
        self.retries = max(0, retries)
        self.maximumRetryWait = max(0, maximumRetryWait)
    }
}

/// The one call the sync makes to fetch a document: `HTTPClient` in the program, a scripted
/// transport in the sync engine's unit tests.
public protocol DocumentTransport: Sendable {
    /// GETs `url` conditionally; see `HTTPClient.get`.
    func get(_ url: URL, validator: ResourceValidator?, htmlMeansAbsent: Bool) async throws(SyncError) -> HTTPFetch
}

/// What the remote answered to `send`: every status is an answer the caller reads.
public struct HTTPAnswer: Sendable, Equatable {
    public var status: Int
    public var body: Data
    /// The `Location` of a redirect (never followed by `send`).
    public var location: String?

    public var parts: (status: Int, body: Data, location: String?) { (status, body, location) }
}

/// A small HTTP client over AsyncHTTPClient (SwiftNIO) for the sync and the outbox.
///
/// No URL cache; conditional requests from stored validators; explicit timeouts; a body size limit
/// enforced while the body arrives and while it inflates (a gzip bomb stops at the limit); redirects
/// followed only within the remote's origin; link-local addresses never contacted; proxies from the
/// environment used only where `ProxySettings` allows (never for loopback, never for a token over http).
public final class HTTPClient: DocumentTransport, Sendable {
    public let limits: HTTPClientLimits
    public let proxies: ProxySettings
    private typealias Engine = AsyncHTTPClient.HTTPClient
    /// Direct connections.
    private let direct: Engine
    /// Through the https proxy and the http proxy of `proxies` (the same engine when they are one).
    private let throughProxy: [ProxyServer: Engine]

    public init(limits: HTTPClientLimits = HTTPClientLimits(),
                proxies: ProxySettings = ProxySettings(environment: ProcessInfo.processInfo.environment)) {
        self.limits = limits
        self.proxies = proxies
        direct = Self.engine(limits, proxy: nil)
        var engines: [ProxyServer: Engine] = [:]
        for proxy in [proxies.https, proxies.http].compactMap({ $0 }) where engines[proxy] == nil {
            engines[proxy] = Self.engine(limits, proxy: proxy)
        }
        throughProxy = engines
    }

    deinit {
        // Shut down without blocking; the engines finish their connections on their own threads.
        direct.shutdown { _ in }
        for engine in throughProxy.values { engine.shutdown { _ in } }
    }

    private static func engine(_ limits: HTTPClientLimits, proxy: ProxyServer?) -> Engine {
        let seconds = TimeAmount.seconds(Int64(limits.requestTimeout))
        var configuration = Engine.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(connect: seconds, read: seconds),
            proxy: proxy.map { proxy in
                switch proxy.kind {
                case .http:
                    .server(host: proxy.host, port: proxy.port,
                            authorization: proxy.user.map { .basic(username: $0, password: proxy.password ?? "") })
                case .socks5:
                    .socksServer(host: proxy.host, port: proxy.port)
                }
            },
            // Inflation stops at a ratio no real document reaches (Joinup's: 3-7 to 1), long before
            // memory fills; the size limit is counted on the inflated bytes as they arrive (`Received`).
            decompression: .enabled(limit: .ratio(maximumInflation)))
        // A refused connection is an answer: say so at once rather than retry until the timeout.
        configuration.connectionPool.retryConnectionEstablishment = false
        return Engine(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    /// GETs `url`, sending `If-None-Match` / `If-Modified-Since` from `validator` when given.
    ///
    /// 200, 304, 404/410 and 412 are answers; any other status, a transport failure or an oversized
    /// body throws a `SyncError` naming the URL. With `htmlMeansAbsent`, a 200 HTML page counts as
    /// `.notFound`: a plain web server (or a site that ignores `?_format=`) answers a document URL
    /// with a page, which says the document is not published; without it an HTML page is an error.
    /// Redirects are followed within the origin of `url` (five at most). Busy answers and broken
    /// connections are retried (see `RetryPolicy`).
    public func get(_ url: URL, validator: ResourceValidator? = nil, htmlMeansAbsent: Bool = false) async throws(SyncError) -> HTTPFetch {
        try await RetryPolicy(limits: limits).run(url: URLText.printable(url.absoluteString)) { (secondsLeft: Int) async throws(SyncError) -> HTTPFetch in
            try await attempt(url, validator: validator, htmlMeansAbsent: htmlMeansAbsent, secondsLeft: secondsLeft)
        }
    }

    /// As `get`, with `headers` added (e.g. `Accept`) and, when `form` is given, a POST of that
    /// `application/x-www-form-urlencoded` body instead of a GET (a SPARQL query too long for a URL).
    public func request(_ url: URL, headers: [String: String], form: Data?, validator: ResourceValidator?,
                        htmlMeansAbsent: Bool) async throws(SyncError) -> HTTPFetch {
        try await RetryPolicy(limits: limits).run(url: URLText.printable(url.absoluteString)) { (secondsLeft: Int) async throws(SyncError) -> HTTPFetch in
            try await attempt(url, validator: validator, htmlMeansAbsent: htmlMeansAbsent, secondsLeft: secondsLeft,
                              extraHeaders: headers, form: form)
        }
    }

    /// One request and its redirects, no retries, cut off after `secondsLeft` (what remains of the whole budget).
    private func attempt(_ url: URL, validator: ResourceValidator?, htmlMeansAbsent: Bool,
                         secondsLeft: Int, extraHeaders: [String: String] = [:], form: Data? = nil) async throws(SyncError) -> HTTPFetch {
        var headers = extraHeaders.merging(["Accept-Encoding": "gzip"]) { _, ours in ours }
        if let etag = validator?.etag { headers["If-None-Match"] = etag }
        if let modified = validator?.lastModified { headers["If-Modified-Since"] = modified }
        var current = url
        var redirects = 0
        while true {
            let text = URLText.printable(current.absoluteString)
            let response = try await exchange(form == nil ? "GET" : "POST", current, headers: headers, body: form,
                                              carriesToken: false, deadline: secondsLeft)
            if [301, 302, 303, 307, 308].contains(response.status), let location = response.location {
                redirects += 1
                guard redirects <= Self.maximumRedirects else {
                    throw .transport(url: text, detail: "redirected more than \(Self.maximumRedirects) times; the remote's redirects go round in a loop")
                }
                guard let target = URL(string: location, relativeTo: current)?.absoluteURL else {
                    throw .transport(url: text, detail: "redirected to an unreadable address")
                }
                if let refusal = NetworkPolicy.redirectRefusal(from: url, to: target) {
                    throw .redirectRefused(url: text, detail: refusal)
                }
                current = target
                continue
            }
            switch response.status {
            case 200:
                if let type = response.contentType, type.lowercased().hasPrefix("text/html") {
                    if htmlMeansAbsent { return .notFound }
                    throw .notADocument(url: text, contentType: String(TerminalText.line(type).prefix(80)))
                }
                return .ok(body: response.body, etag: response.etag, lastModified: response.lastModified)
            case 304: return .notModified
            case 404, 410: return .notFound
            // Drupal's answer to a `?_format=` it does not serve on that path: not published here.
            case 406 where htmlMeansAbsent: return .notFound
            case 412: return .preconditionFailed
            case 429, 503:
                throw .serverBusy(url: text, status: response.status, retryAfter: RetryPolicy.retryAfter(response.retryAfter))
            default: throw .httpStatus(url: text, status: response.status)
            }
        }
    }

    static let maximumRedirects = 5
    /// How many times larger than its compressed form a body may become.
    static let maximumInflation = 100

    /// Sends `method` (POST with an empty body) to `url` with `headers`; every status is an answer
    /// the caller reads. Nothing is followed: a request carrying a token never travels to another
    /// address, and a redirect comes back with its `Location`.
    public func send(_ method: String, _ url: URL, headers: [String: String]) async throws(SyncError) -> HTTPAnswer {
        // No retries here: the outbox retries with its own backoff, under the same idempotency key.
        let carriesToken = headers.keys.contains { $0.lowercased() == "authorization" }
        let response = try await exchange(method, url, headers: headers, carriesToken: carriesToken, deadline: limits.requestTimeout)
        return HTTPAnswer(status: response.status, body: response.body, location: response.location)
    }

    /// One request: checks where it goes, picks the connection (direct or proxy), reads the whole
    /// body within the size limit, and gives up after `deadline` seconds.
    private func exchange(_ method: String, _ url: URL, headers: [String: String], body: Data? = nil,
                          carriesToken: Bool, deadline: Int) async throws(SyncError) -> Received {
        let text = URLText.printable(url.absoluteString)
        guard let origin = Origin(url) else { throw .transport(url: text, detail: "not an http(s) URL") }
        let proxy = proxies.proxy(for: url, carriesToken: carriesToken)
        // Through a proxy the proxy resolves the name (a corporate network may resolve nothing else).
        if let refusal = NetworkPolicy.addressRefusal(host: origin.host, resolving: proxy == nil) {
            throw .transport(url: text, detail: refusal)
        }
        let engine = proxy.flatMap { throughProxy[$0] } ?? direct
        var request = HTTPClientRequest(url: URLText.withoutUserinfo(url.absoluteString))
        request.method = HTTPMethod(rawValue: method)
        request.headers.add(name: "User-Agent", value: "joinup/0.1")
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { request.headers.add(name: name, value: value) }
        if let body {
            request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
            request.body = .bytes(ByteBuffer(bytes: body))
        } else if method == "POST" {
            request.headers.add(name: "Content-Length", value: "0")
        }
        let limit = limits.maximumBodySize
        let prepared = request
        let received: Received
        do {
            received = try await Self.withDeadline(seconds: deadline) {
                let response = try await engine.execute(prepared, deadline: .now() + .seconds(Int64(deadline)))
                return try await Received.read(response, limit: limit)
            }
        } catch let error as SyncError {
            throw error
        } catch is BodyTooLarge {
            throw .tooLarge(url: text, limit: limit)
        } catch is DeadlinePassed {
            throw .timedOut(url: text, seconds: deadline)
        } catch {
            throw Self.translate(error, url: text, timeout: limits.requestTimeout, limit: limit, proxy: proxy)
        }
        return received
    }

    private struct BodyTooLarge: Error {}
    private struct DeadlinePassed: Error {}

    /// The parts of a response the client uses, with the whole body.
    private struct Received: Sendable {
        var status: Int
        var body: Data
        var contentType: String?
        var etag: String?
        var lastModified: String?
        var retryAfter: String?
        var location: String?

        /// Reads the body chunk by chunk, refusing it as soon as it passes `limit` bytes (the
        /// engine inflates gzip under the same limit, so this counts decoded bytes).
        static func read(_ response: HTTPClientResponse, limit: Int) async throws -> Received {
            let headers = response.headers
            let encoded = headers.first(name: "Content-Encoding").map { !$0.isEmpty && $0.lowercased() != "identity" } ?? false
            if !encoded, let declared = headers.first(name: "Content-Length").flatMap(Int.init), declared > limit {
                throw BodyTooLarge()
            }
            var body = Data()
            for try await chunk in response.body {
                guard body.count + chunk.readableBytes <= limit else { throw BodyTooLarge() }
                chunk.withUnsafeReadableBytes { body.append(contentsOf: $0) }
            }
            return Received(status: Int(response.status.code), body: body,
                            contentType: headers.first(name: "Content-Type"), etag: headers.first(name: "ETag"),
                            lastModified: headers.first(name: "Last-Modified"), retryAfter: headers.first(name: "Retry-After"),
                            location: headers.first(name: "Location"))
        }
    }

    /// Runs `work`, cancelling it after `seconds`: the engine's own deadline ends with the response
    /// head, so a body dripping in slowly would otherwise never end.
    private static func withDeadline<T: Sendable>(seconds: Int, _ work: @escaping @Sendable () async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: T.self) { group in
            group.addTask { try await work() }
            group.addTask {
                try await Task.sleep(for: .seconds(seconds))
                throw DeadlinePassed()
            }
            defer { group.cancelAll() }
            guard let first = try await group.next() else { throw DeadlinePassed() }
            return first
        }
    }

    private static func translate(_ error: any Error, url: String, timeout: Int, limit: Int, proxy: ProxyServer?) -> SyncError {
        let proxyName = proxy.map { "the proxy \($0.host):\($0.port)" }
        let through = proxyName.map { " through \($0)" } ?? ""
        if let error = error as? HTTPClientError {
            switch error {
            case .connectTimeout, .getConnectionFromPoolTimeout:
                return .cannotConnect(url: url, detail: "no connection within \(timeout) s\(through)")
            case .readTimeout, .writeTimeout, .deadlineExceeded:
                return .timedOut(url: url, seconds: timeout)
            case .remoteConnectionClosed:
                return .connectionLost(url: url, detail: "the remote closed the connection")
            case .proxyAuthenticationRequired:
                return .cannotConnect(url: url, detail: "\(proxyName ?? "the proxy") asks for a user name and password")
            case .invalidProxyResponse, .httpProxyHandshakeTimeout, .socksHandshakeTimeout:
                return .cannotConnect(url: url, detail: "\(proxyName ?? "the proxy") refused the tunnel")
            default:
                return .transport(url: url, detail: TerminalText.line(String(describing: error)) + through)
            }
        }
        if let error = error as? NIOHTTPDecompression.DecompressionError {
            if case .limit = error { return .compressionBomb(url: url, ratio: maximumInflation) }
            return .connectionLost(url: url, detail: "the compressed body is corrupt")
        }
        if error is HTTPParserError {
            return .connectionLost(url: url, detail: "the answer broke off or is not HTTP")
        }
        if let error = error as? NIOConnectionError {
            let refused = !error.connectionErrors.isEmpty
            return .cannotConnect(url: url, detail: (refused ? "connection refused" : "host not found") + through)
        }
        if let error = error as? IOError {
            if error.errnoCode == ECONNREFUSED { return .cannotConnect(url: url, detail: "connection refused" + through) }
            if error.errnoCode == ECONNRESET { return .connectionLost(url: url, detail: "connection reset") }
            return .transport(url: url, detail: TerminalText.line(error.description) + through)
        }
        if error is SocketAddressError {
            return .cannotConnect(url: url, detail: "host not found")
        }
        if error is CancellationError {
            return .transport(url: url, detail: "cancelled")
        }
        return .transport(url: url, detail: TerminalText.line(String(describing: error)) + through)
    }
}
