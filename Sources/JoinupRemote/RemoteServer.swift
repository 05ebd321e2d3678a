import FlyingFox
import FlyingSocks
import Foundation
import JoinupSync

/// Joinup's stand-in over a data folder or a generated data set (DESIGN.md's remote-feed table),
/// for tests, demos and benchmarks: a folder's documents are served byte for byte at Joinup's
/// paths in both forms (`/collection/<alias>/…`, `/rdf_entity/<encoded-uri>/…`), a `?_format=`
/// a path does not serve answers 406 as on Drupal, and the extensions come on top (docs/REMOTE.md).
///
/// Every GET answers with a strong `ETag` (a hash of the body; `-gz` appended for the gzip
/// representation) and `Last-Modified`, honours `If-None-Match` (which wins) and `If-Modified-Since`
/// with 304, and gzips when the client accepts it. Long feeds are paged (`?page=N`) with RFC 5005 next
/// links that carry the listing version (`&v=…`); a page asked for with another version answers 412.
public final class RemoteServer: Sendable {
    private let core: RemoteCore
    /// Nil unless `--fault` was given: a plain server pays nothing for them.
    private let faults: FaultInjector?
    private let state = ServerState()

    /// Serves the data folder at `folder` (re-reading files when they change). With a
    /// `stateDirectory`, join/leave are served too, keeping users and memberships there (Memberships.swift).
    /// With `sparqlUpstream`, `/sparql` is forwarded there (SPARQLForwarder.swift).
    public convenience init(folder: URL, pageSize: Int = RemoteServer.defaultPageSize,
                            stateDirectory: URL? = nil,
                            log: (@Sendable (String) -> Void)? = nil,
                            warn: @escaping @Sendable (String) -> Void = { _ in }, faults: [Fault] = [],
                            sparqlUpstream: URL? = nil) {
        self.init(source: FolderSource(root: folder, warn: warn), pageSize: pageSize, log: log,
                  memberships: stateDirectory.map(MembershipService.init(stateDirectory:)), faults: faults,
                  sparql: sparqlUpstream.map { SPARQLForwarder(upstream: $0) })
    }

    /// Serves a generated data set from memory.
    public convenience init(generated: GeneratedDataSet, pageSize: Int = RemoteServer.defaultPageSize,
                            log: (@Sendable (String) -> Void)? = nil, faults: [Fault] = []) {
        self.init(source: GeneratedSource(generated), pageSize: pageSize, log: log, faults: faults)
    }

    init(source: any RemoteSource, pageSize: Int, log: (@Sendable (String) -> Void)?,
         memberships: MembershipService? = nil, faults: [Fault] = [], sparql: SPARQLForwarder? = nil) {
        core = RemoteCore(source: source, pageSize: pageSize, log: log, memberships: memberships, sparql: sparql)
        self.faults = faults.isEmpty ? nil : FaultInjector(faults)
    }

    /// Items per feed page when not told otherwise (0 would mean one page for everything).
    public static let defaultPageSize = 500

    /// Binds `host:port` (port 0 picks a free port), starts serving in the background and returns
    /// the base URL, e.g. `http://127.0.0.1:43817`.
    public func start(host: String = "127.0.0.1", port: UInt16 = 0) async throws -> String {
        let address = try sockaddr_in.inet(ip4: host, port: port)
        let server = HTTPServer(address: address, timeout: 30, logger: .disabled, handler: Responder(core: core, faults: faults))
        let (outcome, report) = AsyncStream<Result<Void, any Error>>.makeStream()
        let task = Task {
            do { try await server.run() } catch { report.yield(.failure(error)); throw error }
        }
        // The timeout only guards a hang: on a loaded 2-core machine the cooperative pool can take
        // well over 10 s to schedule the listener. A failed bind ends the wait at once instead.
        let listening = Task {
            do { try await server.waitUntilListening(timeout: 120); report.yield(.success(())) } catch { report.yield(.failure(error)) }
        }
        for await result in outcome {
            listening.cancel()
            if case .failure = result { task.cancel() }
            try result.get()
            break
        }
        guard case let .ip4(boundHost, boundPort)? = await server.listeningAddress else {
            await server.stop()
            throw SocketError.unsupportedAddress
        }
        disableNagle(onListeningPort: boundPort)
        let base = "http://\(boundHost):\(boundPort)"
        await core.setBase(base)
        state.set(server: server, task: task)
        return base
    }

    /// Stops listening and closes the connections.
    public func stop() async {
        guard let (server, task) = state.take() else { return }
        await server.stop(timeout: 1)
        task.cancel()
    }

    /// Answers one GET without the network, through the same code the HTTP server runs.
    /// `target` is a path with an optional query (`/collection/x/feed.xml?page=2`).
    public func get(_ target: String, headers: [String: String] = [:]) async -> RemoteResponse {
        let parts = target.split(separator: "?", maxSplits: 1).map(String.init)
        let query = (parts.count > 1 ? parts[1] : "").split(separator: "&").map { pair -> HTTPRequest.QueryItem in
            let kv = pair.split(separator: "=", maxSplits: 1).map { String($0).removingPercentEncoding ?? String($0) }
            return HTTPRequest.QueryItem(name: kv[0], value: kv.count > 1 ? kv[1] : "")
        }
        var fields: [HTTPHeader: String] = [:]
        for (name, value) in headers { fields[HTTPHeader(name)] = value }
        let request = HTTPRequest(method: .GET, version: .http11, path: parts[0], query: query, headers: fields, body: Data())
        let response = await core.respond(to: request)
        var out: [String: String] = [:]
        for (header, value) in response.headers { out[header.rawValue.lowercased()] = value }
        let body = (try? await response.bodyData) ?? Data()
        return RemoteResponse(status: response.statusCode.code, headers: out, body: body)
    }
}

/// A response as `RemoteServer.get` returns it; header names are lowercased.
public struct RemoteResponse: Sendable {
    public var status: Int
    public var headers: [String: String]
    public var body: Data

    public subscript(header: String) -> String? { headers[header.lowercased()] }
}

/// The running server and its task, set once by `start`.
private final class ServerState: @unchecked Sendable {
    private let lock = NSLock()
    private var running: (HTTPServer, Task<Void, any Error>)?

    func set(server: HTTPServer, task: Task<Void, any Error>) { lock.withLock { running = (server, task) } }
    func take() -> (HTTPServer, Task<Void, any Error>)? { lock.withLock { defer { running = nil }; return running } }
}

private struct Responder: HTTPHandler {
    let core: RemoteCore
    let faults: FaultInjector?

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        let response = await core.respond(to: request)
        guard let faults else { return response }
        return await faults.apply(to: response, for: request)
    }
}

/// A response before content negotiation and validation.
private enum Reply {
    case document(body: Data, contentType: String, lastModified: Date, etag: String?)
    case failure(HTTPStatusCode, String)
}

/// Routing, rendering and HTTP caching semantics; an actor so caches need no locks.
private actor RemoteCore {
    let source: any RemoteSource
    let pageSize: Int
    let log: (@Sendable (String) -> Void)?
    private var base = "http://127.0.0.1"
    /// Rendered feed pages by alias, listing version, page and base URL.
    private var pages: [String: (body: Data, etag: String)] = [:]
    /// gzip bodies by the identity ETag.
    private var gzipped: [String: Data] = [:]
    let memberships: MembershipService?
    let sparql: SPARQLForwarder?

    init(source: any RemoteSource, pageSize: Int, log: (@Sendable (String) -> Void)?, memberships: MembershipService?,
         sparql: SPARQLForwarder?) {
        self.memberships = memberships
        self.sparql = sparql
        self.source = source
        self.pageSize = pageSize
        self.log = log
    }

    func setBase(_ base: String) { self.base = base }

    func respond(to request: HTTPRequest) async -> HTTPResponse {
        let response: HTTPResponse
        if SPARQLForwarder.handles(request.path) {
            response = await sparql?.forward(request) ?? plain(.notFound, "No SPARQL endpoint (joinup-remote --sparql-upstream URL).\n")
        } else if let memberships, let answer = await memberships.respond(to: request, source: source) {
            response = answer
        } else if request.method != .GET && request.method != .HEAD {
            response = plain(.methodNotAllowed, "Only GET is served.\n")
        } else {
            response = await negotiate(route(request), request: request)
        }
        let coding = response.headers[.contentEncoding].map { " " + $0 } ?? ""
        log?("\(request.method.rawValue) \(request.target.rawValue) \(response.statusCode.code)\(coding)")
        return response
    }

    // MARK: Routing

    /// Joinup's paths in both forms — `/collection/<alias>/…` and `/rdf_entity/<encoded-uri>/…`,
    /// answering the same bytes — and the extensions (docs/REMOTE.md, "Paths").
    private func route(_ request: HTTPRequest) async -> Reply {
        let base = request.headers[.host].map { "http://" + $0 } ?? self.base
        let segments = request.path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        let format = request.query["_format"]
        if segments.count >= 2, segments[0] == "collection" || segments[0] == "rdf_entity" {
            // The server hands over the path as sent: a URI's non-ASCII letters arrive percent-encoded.
            let name = segments[1].removingPercentEncoding ?? segments[1]
            let collection = segments[0] == "collection"
                ? await source.collection(name)
                : await source.collection(uri: JoinupURIEncoding.decode(name))
            guard let collection else { return .failure(.notFound, "No collection \"\(segments[1])\".\n") }
            return await route(collection, subpath: Array(segments.dropFirst(2)), format: format, request: request, base: base)
        }
        switch segments {
        case ["collections.xml"]:
            guard format == nil else { return notAcceptable(format) }
            let listings = await source.collections().map(\.listing)
            let modified = listings.map(\.modified).max() ?? Date(timeIntervalSince1970: 0)
            return .document(body: DirectoryWriter.write(listings, base: base), contentType: ContentType.rss,
                             lastModified: modified, etag: nil)
        case ["ontology", "topic"]:
            guard let format else { return .failure(.notFound, "Only ?_format=rdfxml is served.\n") }
            guard format == "rdfxml" else { return notAcceptable(format) }
            guard let document = await source.vocabulary() else { return .failure(.notFound, "No topic vocabulary.\n") }
            return stored(document)
        default:
            return .failure(.notFound, "Not found.\n")
        }
    }

    /// One collection's paths after `/collection/<alias>` or `/rdf_entity/<encoded-uri>`.
    private func route(_ collection: ServedCollection, subpath: [String], format: String?,
                       request: HTTPRequest, base: String) async -> Reply {
        switch subpath {
        case []:
            switch format {
            case nil:
                let title = WireFormat.xml(collection.listing.title)
                let html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>\(title)</title></head>"
                    + "<body><h1>\(title)</h1></body></html>\n"
                return .document(body: Data(html.utf8), contentType: ContentType.html,
                                 lastModified: collection.listing.modified, etag: nil)
            case "rdfxml":
                guard let metadata = collection.metadata else { return .failure(.notFound, "No metadata.\n") }
                return stored(metadata)
            default:
                // Joinup also speaks turtle, ntriples, jsonld and n3; a data folder stores RDF/XML only.
                return notAcceptable(format)
            }
        case ["feed.xml"]:
            guard format == nil else { return notAcceptable(format) }
            return feed(collection, request: request, base: base)
        case ["members"]:
            // Extension: Joinup shows members only as an HTML page.
            guard format != nil else { return .failure(.notFound, "Members are published only as ?_format=json.\n") }
            guard format == "json", let members = collection.members else { return notAcceptable(format) }
            return stored(await memberships?.members(of: collection, document: members) ?? members)
        default:
            return .failure(.notFound, "Not found.\n")
        }
    }

    /// Drupal's answer to a `?_format=` the route cannot serve.
    private func notAcceptable(_ format: String?) -> Reply {
        .failure(.notAcceptable, "Not acceptable format: \(format ?? "")\n")
    }

    private func stored(_ document: StoredDocument) -> Reply {
        .document(body: document.data, contentType: document.contentType, lastModified: document.lastModified, etag: nil)
    }

    /// A feed page. Next links always name the alias form, so both path forms answer the same bytes.
    private func feed(_ collection: ServedCollection, request: HTTPRequest, base: String) -> Reply {
        let page = request.query["page"].map { Int($0) ?? 0 } ?? 1
        guard let served = collection.feed else { return .failure(.notFound, "No feed.\n") }
        let (version, itemCount, lastModified) = switch served {
        case .listing(let listing): (listing.version, listing.items.count, listing.lastModified)
        case .stored(let feed): (feed.version, feed.items.count, feed.document.lastModified)
        }
        if let asked = request.query["v"], asked != version {
            return .failure(.preconditionFailed, "The feed changed since that link was made; start again from the first page.\n")
        }
        let size = pageSize > 0 ? pageSize : max(1, itemCount)
        let pageCount = max(1, (itemCount + size - 1) / size)
        guard page >= 1, page <= pageCount else { return .failure(.notFound, "No such page.\n") }
        if case .stored(let feed) = served, pageCount == 1 {
            // The file itself; its version is already its entity tag (no second hash of a large body).
            return .document(body: feed.document.data, contentType: feed.document.contentType,
                             lastModified: feed.document.lastModified, etag: "\"\(feed.version)\"")
        }
        let key = "\(collection.alias)|\(version)|\(page)|\(base)"
        if let cached = pages[key] {
            return .document(body: cached.body, contentType: ContentType.rss, lastModified: lastModified, etag: cached.etag)
        }
        let feedURL = base + "/collection/" + collection.alias + "/feed.xml"
        func pageURL(_ n: Int) -> String { n == 1 ? feedURL : feedURL + "?page=\(n)&v=\(version)" }
        let nextURL = page < pageCount ? pageURL(page + 1) : nil
        let body: Data
        switch served {
        case .stored(let feed):
            body = feed.page(page, of: size, nextURL: nextURL)
        case .listing(let listing):
            let slice = listing.items[min(listing.items.count, (page - 1) * size)..<min(listing.items.count, page * size)]
            let channel = FeedChannel(
                title: listing.title, link: listing.link.isEmpty ? base + "/collection/" + collection.alias : listing.link,
                description: listing.description, selfURL: pageURL(page), nextURL: nextURL, isComplete: listing.isComplete)
            body = FeedWriter.write(channel: channel, items: slice, topicLabels: listing.topicLabels)
        }
        let etag = WireFormat.entityTag(body)
        if pages.count > 4096 { pages.removeAll() }
        pages[key] = (body, etag)
        return .document(body: body, contentType: ContentType.rss, lastModified: lastModified, etag: etag)
    }

    // MARK: Validation and encoding

    private func negotiate(_ reply: Reply, request: HTTPRequest) -> HTTPResponse {
        guard case let .document(body, contentType, lastModified, knownTag) = reply else {
            if case let .failure(status, message) = reply { return plain(status, message) }
            return plain(.internalServerError, "\n")
        }
        let etag = knownTag ?? WireFormat.entityTag(body)
        let gzipTag = String(etag.dropLast()) + "-gz\""
        let useGzip = Self.acceptsGzip(request.headers[HTTPHeader("Accept-Encoding")])
        var headers = HTTPHeaders()
        headers[.eTag] = useGzip ? gzipTag : etag
        headers[.lastModified] = WireFormat.httpDate(lastModified)
        headers[.cacheControl] = "no-cache"
        headers[HTTPHeader("Vary")] = "Accept-Encoding"

        if let match = request.headers[.ifNoneMatch] {
            let tags = match.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                .map { $0.hasPrefix("W/") ? String($0.dropFirst(2)) : $0 }
            if tags.contains("*") || tags.contains(etag) || tags.contains(gzipTag) {
                return HTTPResponse(statusCode: .notModified, headers: headers)
            }
        } else if let since = request.headers[.ifModifiedSince].flatMap(FeedDate.rfc822),
                  lastModified.timeIntervalSince1970.rounded(.down) <= since.timeIntervalSince1970 {
            return HTTPResponse(statusCode: .notModified, headers: headers)
        }

        headers[.contentType] = contentType
        var payload = body
        if useGzip {
            if let cached = gzipped[etag] {
                payload = cached
            } else if let compressed = try? Gzip.compress(body) {
                if gzipped.count > 1024 { gzipped.removeAll() }
                gzipped[etag] = compressed
                payload = compressed
            } else {
                headers[.eTag] = etag
            }
            if payload != body { headers[.contentEncoding] = "gzip" }
        }
        if request.method == .HEAD {
            headers[.contentLength] = String(payload.count)
            return HTTPResponse(statusCode: .ok, headers: headers)
        }
        return HTTPResponse(statusCode: .ok, headers: headers, body: payload)
    }

    private func plain(_ status: HTTPStatusCode, _ message: String) -> HTTPResponse {
        HTTPResponse(statusCode: status, headers: [.contentType: ContentType.text], body: Data(message.utf8))
    }

    /// True when `Accept-Encoding` lists gzip (or `*`) without `q=0`.
    static func acceptsGzip(_ header: String?) -> Bool {
        guard let header else { return false }
        for part in header.split(separator: ",") {
            let fields = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard let coding = fields.first, coding == "gzip" || coding == "x-gzip" || coding == "*" else { continue }
            let quality = fields.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            if quality > 0 { return true }
        }
        return false
    }
}
