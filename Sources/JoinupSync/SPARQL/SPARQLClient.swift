import Foundation
import JoinupCache

/// The request the SPARQL client makes: `HTTPClient` in the program (same limits, retries, proxy
/// and address policy as the feed), a scripted one in unit tests.
public protocol SPARQLTransport: Sendable {
    /// See `HTTPClient.request`.
    func request(_ url: URL, headers: [String: String], form: Data?, validator: ResourceValidator?,
                 htmlMeansAbsent: Bool) async throws(SyncError) -> HTTPFetch
}

extension HTTPClient: SPARQLTransport {}

/// The queries joinup sends, each in its own `.rq` file under `SPARQL/Queries` (embedded in the binary).
public enum SPARQLQuery: String, CaseIterable, Sendable {
    case collections, topics, owners, contacts, countries

    /// The query text, without `LIMIT`/`OFFSET` (the client pages it).
    public var text: String {
        let bytes: [UInt8] = switch self {
        case .collections: PackageResources.collections_rq
        case .topics: PackageResources.topics_rq
        case .owners: PackageResources.owners_rq
        case .contacts: PackageResources.contacts_rq
        case .countries: PackageResources.countries_rq
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The text as sent: without its comment lines (they explain the file; on the wire they
    /// would only lengthen every GET URL).
    public var body: String {
        text.split(separator: "\n", omittingEmptySubsequences: true)
            .filter { !$0.drop(while: { $0 == " " }).hasPrefix("#") }
            .joined(separator: "\n")
    }
}

/// What a paged SELECT gave.
public enum SPARQLAnswer: Sendable, Equatable {
    /// Every row of every page, and the validators of the first page (nil fields when none were offered).
    case rows([SPARQLRow], validator: ResourceValidator)
    /// The first page answered 304: what the cache holds from this query is current.
    case notModified
    /// 404, 405, 406 or an HTML page: there is no SPARQL endpoint at that address.
    case noEndpoint
}

/// A SPARQL 1.1 protocol client: SELECT by GET (`?query=`), by POST form when the URL would be
/// long, JSON results, paged with `LIMIT`/`OFFSET` over the query's own `ORDER BY`.
public struct SPARQLClient: Sendable {
    public let endpoint: URL
    public let transport: any SPARQLTransport
    /// Rows asked for per request. Must stay at or below the endpoint's own row cap (Virtuoso's
    /// `ResultSetMaxRows`, 10,000 on Joinup): a page cut short by the server would end the paging.
    public let pageSize: Int
    /// Longer GET URLs are sent as a POST form instead (Apache, in front of Joinup's Virtuoso,
    /// refuses request lines over 8,190 bytes). GET is preferred: a read stays a GET, and it can be
    /// answered conditionally.
    public let longestGET: Int

    public static let defaultPageSize = 1_000
    /// The most pages one query may take (10 million rows at the default page size).
    public static let maximumPages = 10_000

    public init(endpoint: URL, transport: any SPARQLTransport, pageSize: Int = defaultPageSize, longestGET: Int = 8_000) {
        self.endpoint = endpoint
        self.transport = transport
        self.pageSize = max(1, pageSize)
        self.longestGET = longestGET
    }

    /// The key validators of `query` are stored under: its first page's GET URL.
    public func validatorKey(_ query: SPARQLQuery) -> String {
        getURL(paged(query.body, offset: 0)).absoluteString
    }

    /// Runs `query` page after page until a page comes back short. `validator` (from a previous
    /// answer) makes the first request conditional; `pageRead` is told the rows read so far.
    public func select(_ query: SPARQLQuery, validator: ResourceValidator? = nil,
                       pageRead: (@Sendable (Int) -> Void)? = nil) async throws(SyncError) -> SPARQLAnswer {
        var rows: [SPARQLRow] = []
        var first: ResourceValidator?
        for page in 0..<Self.maximumPages {
            let text = paged(query.body, offset: page * pageSize)
            let label = "\(URLText.printable(endpoint.absoluteString)) (\(query.rawValue).rq, rows from \(page * pageSize))"
            let fetch: HTTPFetch
            do {
                fetch = try await send(text, validator: page == 0 ? validator : nil)
            } catch .httpStatus(_, 405) where page == 0 {
                // A plain web server refusing the POST form: no SPARQL here either.
                return .noEndpoint
            } catch {
                throw error.naming(label)
            }
            switch fetch {
            case .ok(let body, let etag, let lastModified):
                if page == 0 { first = ResourceValidator(url: validatorKey(query), etag: etag, lastModified: lastModified) }
                let pageRows: [SPARQLRow]
                do {
                    pageRows = try SPARQLResultsParser.parse(body, resource: label)
                } catch {
                    throw .invalidDocument(error)
                }
                rows += pageRows
                pageRead?(rows.count)
                if pageRows.count < pageSize, let first { return .rows(rows, validator: first) }
            case .notModified where page == 0:
                return .notModified
            case .notFound where page == 0:
                return .noEndpoint
            case .notModified, .notFound, .preconditionFailed:
                throw .httpStatus(url: label, status: fetch == .notFound ? 404 : fetch == .notModified ? 304 : 412)
            }
        }
        throw .pagingLoop(url: URLText.printable(endpoint.absoluteString))
    }

    /// The query with this page's slice.
    func paged(_ text: String, offset: Int) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines) + "\nLIMIT \(pageSize) OFFSET \(offset)\n"
    }

    private func send(_ text: String, validator: ResourceValidator?) async throws(SyncError) -> HTTPFetch {
        let headers = ["Accept": "application/sparql-results+json"]
        let get = getURL(text)
        if get.absoluteString.utf8.count <= longestGET {
            return try await transport.request(get, headers: headers, form: nil, validator: validator, htmlMeansAbsent: true)
        }
        let form = Data(("query=" + Self.formEncoded(text)).utf8)
        return try await transport.request(endpoint, headers: headers, form: form, validator: validator, htmlMeansAbsent: true)
    }

    func getURL(_ text: String) -> URL {
        let separator = endpoint.query == nil ? "?" : "&"
        return URL(string: endpoint.absoluteString + separator + "query=" + Self.formEncoded(text)) ?? endpoint
    }

    /// Percent-encodes everything but RFC 3986's unreserved characters (safe in a query string and a form).
    static func formEncoded(_ text: String) -> String {
        var allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}

extension SyncError {
    /// The same error naming `resource` instead of its URL (a SPARQL GET URL carries the whole
    /// query, percent-encoded: unreadable in a message).
    func naming(_ resource: String) -> SyncError {
        switch self {
        case .cannotConnect(_, let detail): .cannotConnect(url: resource, detail: detail)
        case .timedOut(_, let seconds): .timedOut(url: resource, seconds: seconds)
        case .connectionLost(_, let detail): .connectionLost(url: resource, detail: detail)
        case .httpStatus(_, let status): .httpStatus(url: resource, status: status)
        case .serverBusy(_, let status, let retryAfter): .serverBusy(url: resource, status: status, retryAfter: retryAfter)
        case .notADocument(_, let type): .notADocument(url: resource, contentType: type)
        case .tooLarge(_, let limit): .tooLarge(url: resource, limit: limit)
        case .compressionBomb(_, let ratio): .compressionBomb(url: resource, ratio: ratio)
        case .redirectRefused(_, let detail): .redirectRefused(url: resource, detail: detail)
        case .transport(_, let detail): .transport(url: resource, detail: detail)
        case .invalidDocument, .listingKeptChanging, .pagingLoop, .noDirectory, .cache: self
        }
    }
}
