import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import JoinupCache
import JoinupModel

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
    /// Largest body accepted, in bytes (after content decoding); larger bodies are refused while arriving.
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

/// A small HTTP GET client over URLSession: no URL cache, conditional requests from stored
/// validators, explicit timeouts and a body size limit enforced while the body arrives.
public final class HTTPClient: Sendable {
    public let limits: HTTPClientLimits
    private let session: URLSession
    private let collector: BodyCollector

    public init(limits: HTTPClientLimits = HTTPClientLimits()) {
        self.limits = limits
        // A copy of one configuration made away from $HOME (see FoundationScratch).
        let configuration = FoundationScratch.configuration.copy() as! URLSessionConfiguration
        configuration.timeoutIntervalForRequest = TimeInterval(limits.requestTimeout)
        configuration.timeoutIntervalForResource = TimeInterval(limits.resourceTimeout)
        configuration.httpAdditionalHeaders = ["User-Agent": "joinup/0.1", "Accept-Encoding": "gzip"]
        let collector = BodyCollector(limit: limits.maximumBodySize)
        self.collector = collector
        let queue = OperationQueue()
        queue.maxConcurrentOperationCount = 1
        session = URLSession(configuration: configuration, delegate: collector, delegateQueue: queue)
    }

    deinit { session.finishTasksAndInvalidate() }

    /// GETs `url`, sending `If-None-Match` / `If-Modified-Since` from `validator` when given.
    ///
    /// 200, 304, 404/410 and 412 are answers; any other status, a transport failure or an oversized
    /// body throws a `SyncError` naming the URL. With `htmlMeansAbsent`, a 200 HTML page counts as
    /// `.notFound`: a plain web server (or a site that ignores `?_format=`) answers a document URL
    /// with a page, which says the document is not published; without it an HTML page is an error.
    /// Busy answers and broken connections are retried (see `RetryPolicy`).
    public func get(_ url: URL, validator: ResourceValidator? = nil, htmlMeansAbsent: Bool = false) async throws(SyncError) -> HTTPFetch {
        try await RetryPolicy(limits: limits).run(url: url.absoluteString) { (secondsLeft: Int) async throws(SyncError) -> HTTPFetch in
            try await attempt(url, validator: validator, htmlMeansAbsent: htmlMeansAbsent, secondsLeft: secondsLeft)
        }
    }

    /// One request, no retries, cut off after `secondsLeft` (what remains of the whole budget).
    private func attempt(_ url: URL, validator: ResourceValidator?, htmlMeansAbsent: Bool,
                         secondsLeft: Int) async throws(SyncError) -> HTTPFetch {
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData,
                                 timeoutInterval: TimeInterval(limits.requestTimeout))
        request.httpMethod = "GET"
        if let etag = validator?.etag { request.setValue(etag, forHTTPHeaderField: "If-None-Match") }
        if let modified = validator?.lastModified { request.setValue(modified, forHTTPHeaderField: "If-Modified-Since") }
        let text = url.absoluteString
        let (response, body): (HTTPURLResponse, Data)
        do {
            (response, body) = try await collector.run(session.dataTask(with: request), deadline: secondsLeft)
        } catch is BodyCollector.TooLarge {
            throw .tooLarge(url: text, limit: limits.maximumBodySize)
        } catch is BodyCollector.DeadlinePassed {
            throw .timedOut(url: text, seconds: limits.resourceTimeout)
        } catch is BodyCollector.RedirectLoop {
            throw .transport(url: text, detail: "redirected more than \(BodyCollector.maximumRedirects) times; the remote's redirects go round in a loop")
        } catch {
            throw Self.translate(error, url: text, timeout: limits.requestTimeout)
        }
        switch response.statusCode {
        case 200:
            if let type = response.value(forHTTPHeaderField: "Content-Type"), type.lowercased().hasPrefix("text/html") {
                if htmlMeansAbsent { return .notFound }
                throw .notADocument(url: text, contentType: String(TerminalText.line(type).prefix(80)))
            }
            return .ok(body: body, etag: response.value(forHTTPHeaderField: "ETag"),
                       lastModified: response.value(forHTTPHeaderField: "Last-Modified"))
        case 304: return .notModified
        case 404, 410: return .notFound
        case 412: return .preconditionFailed
        case 429, 503:
            throw .serverBusy(url: text, status: response.statusCode,
                              retryAfter: RetryPolicy.retryAfter(response.value(forHTTPHeaderField: "Retry-After")))
        default: throw .httpStatus(url: text, status: response.statusCode)
        }
    }

    /// Sends `method` (POST with an empty body) to `url` with `headers`; every status is an answer
    /// the caller reads. A request carrying `Authorization` never follows a redirect, so a bearer
    /// token never travels to another address.
    public func send(_ method: String, _ url: URL, headers: [String: String]) async throws(SyncError) -> (status: Int, body: Data) {
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData,
                                 timeoutInterval: TimeInterval(limits.requestTimeout))
        request.httpMethod = method
        if method == "POST" { request.httpBody = Data() }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        do {
            // No retries here: the outbox retries with its own backoff, under the same idempotency key.
            let (response, body) = try await collector.run(session.dataTask(with: request), deadline: limits.requestTimeout)
            return (response.statusCode, body)
        } catch is BodyCollector.TooLarge {
            throw .tooLarge(url: url.absoluteString, limit: limits.maximumBodySize)
        } catch is BodyCollector.DeadlinePassed {
            throw .timedOut(url: url.absoluteString, seconds: limits.requestTimeout)
        } catch {
            throw Self.translate(error, url: url.absoluteString, timeout: limits.requestTimeout)
        }
    }

    private static func translate(_ error: any Error, url: String, timeout: Int) -> SyncError {
        let nsError = error as NSError
        guard nsError.domain == NSURLErrorDomain else {
            return .transport(url: url, detail: nsError.localizedDescription)
        }
        switch nsError.code {
        case NSURLErrorTimedOut:
            return .timedOut(url: url, seconds: timeout)
        case NSURLErrorCannotConnectToHost, NSURLErrorCannotFindHost, NSURLErrorDNSLookupFailed, NSURLErrorNotConnectedToInternet:
            return .cannotConnect(url: url, detail: nsError.code == NSURLErrorCannotConnectToHost ? "connection refused" : "host not found")
        case NSURLErrorUnknown where nsError.localizedDescription.contains("transfer closed"):
            // libcurl's "transfer closed with N bytes remaining": the body stopped short.
            return .connectionLost(url: url, detail: nsError.localizedDescription)
        case NSURLErrorNetworkConnectionLost, NSURLErrorCannotParseResponse, NSURLErrorBadServerResponse,
             NSURLErrorCannotDecodeContentData, NSURLErrorCannotDecodeRawData:
            return .connectionLost(url: url, detail: nsError.localizedDescription)
        default:
            return .transport(url: url, detail: "\(nsError.localizedDescription) (URL error \(nsError.code))")
        }
    }
}

/// The session delegate: gathers each task's body, refusing it once it passes the size limit.
private final class BodyCollector: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    struct TooLarge: Error {}
    struct DeadlinePassed: Error {}
    struct RedirectLoop: Error {}
    static let maximumRedirects = 5

    private struct Pending {
        var body = Data()
        var response: HTTPURLResponse?
        var tooLarge = false
        var deadlinePassed = false
        var redirects = 0
        var continuation: CheckedContinuation<(HTTPURLResponse, Data), any Error>
    }

    private let limit: Int
    private let lock = NSLock()
    private var pending: [Int: Pending] = [:]

    init(limit: Int) {
        self.limit = limit
    }

    /// Runs `task`, cancelling it after `deadline` seconds: URLSession on Linux does not enforce
    /// `timeoutIntervalForResource`, so a body dripping in slowly would otherwise never end.
    func run(_ task: URLSessionDataTask, deadline: Int) async throws -> (HTTPURLResponse, Data) {
        let id = task.taskIdentifier
        return try await withCheckedThrowingContinuation { continuation in
            lock.withLock { pending[id] = Pending(continuation: continuation) }
            task.resume()
            DispatchQueue.global().asyncAfter(deadline: .now() + .seconds(deadline)) { [weak self, task] in
                guard let self else { return }
                let late = self.lock.withLock { () -> Bool in
                    guard self.pending[id] != nil else { return false }
                    self.pending[id]?.deadlinePassed = true
                    return true
                }
                if late { task.cancel() }
            }
        }
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping (URLSession.ResponseDisposition) -> Void) {
        let http = response as? HTTPURLResponse
        let declared = http.flatMap { $0.value(forHTTPHeaderField: "Content-Length") }.flatMap(Int.init)
        let refuse = lock.withLock { () -> Bool in
            pending[dataTask.taskIdentifier]?.response = http
            if let declared, declared > limit, http?.value(forHTTPHeaderField: "Content-Encoding") == nil {
                pending[dataTask.taskIdentifier]?.tooLarge = true
                return true
            }
            return false
        }
        completionHandler(refuse ? .cancel : .allow)
    }

    /// Follows redirects with the target resolved against the answering URL: URLSession on Linux
    /// resolves a relative `Location` with a query (python's http.server sends one for folders)
    /// into a loop. At most five redirects per request.
    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
        let count = lock.withLock { () -> Int in
            pending[task.taskIdentifier]?.redirects += 1
            return pending[task.taskIdentifier]?.redirects ?? 0
        }
        // A request carrying a token never follows a redirect: the token must not travel elsewhere.
        guard count <= Self.maximumRedirects, task.originalRequest?.value(forHTTPHeaderField: "Authorization") == nil else {
            return completionHandler(nil)
        }
        var next = request
        if let location = response.value(forHTTPHeaderField: "Location"),
           let target = URL(string: location, relativeTo: response.url)?.absoluteURL {
            next.url = target
        }
        completionHandler(next)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        // Mutated in place: copying the entry out and back would copy the whole body on every chunk.
        let refuse = lock.withLock { () -> Bool in
            let id = dataTask.taskIdentifier
            // No copy of the entry may be alive here, or the append below copies the body.
            guard pending[id]?.tooLarge == false, let size = pending[id]?.body.count else { return false }
            if size + data.count > limit {
                pending[id]?.tooLarge = true
                pending[id]?.body = Data()
                return true
            }
            pending[id]?.body.append(data)
            return false
        }
        if refuse { dataTask.cancel() }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        guard let entry = lock.withLock({ pending.removeValue(forKey: task.taskIdentifier) }) else { return }
        if entry.tooLarge {
            entry.continuation.resume(throwing: TooLarge())
        } else if entry.deadlinePassed {
            entry.continuation.resume(throwing: DeadlinePassed())
        } else if entry.redirects > Self.maximumRedirects {
            entry.continuation.resume(throwing: RedirectLoop())
        } else if let error {
            entry.continuation.resume(throwing: error)
        } else if let response = entry.response ?? (task.response as? HTTPURLResponse) {
            entry.continuation.resume(returning: (response, entry.body))
        } else {
            entry.continuation.resume(throwing: URLError(.badServerResponse))
        }
    }
}
