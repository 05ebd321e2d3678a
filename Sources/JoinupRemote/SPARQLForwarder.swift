import FlyingFox
import Foundation
import JoinupSync

/// Forwards `/sparql` to an upstream SPARQL endpoint (a Virtuoso), so one base URL serves feeds,
/// metadata and SPARQL as Joinup's does. GET keeps its query string, POST its form body; the
/// client's `Accept` goes along. Through `HTTPClient`: the same limits and address policy as the sync.
struct SPARQLForwarder: Sendable {
    let upstream: URL
    let client: JoinupSync.HTTPClient

    init(upstream: URL, client: JoinupSync.HTTPClient = JoinupSync.HTTPClient(proxies: ProxySettings(environment: [:]))) {
        self.upstream = upstream
        self.client = client
    }

    static func handles(_ path: String) -> Bool { path == "/sparql" || path == "/sparql/" }

    func forward(_ request: HTTPRequest) async -> HTTPResponse {
        let accept = request.headers[HTTPHeader("Accept")] ?? "application/sparql-results+json"
        var target = upstream
        var form: Data?
        switch request.method {
        case .GET, .HEAD:
            let query = request.target.rawValue.split(separator: "?", maxSplits: 1).dropFirst().first.map(String.init)
            if let query, let url = URL(string: upstream.absoluteString + (upstream.query == nil ? "?" : "&") + query) { target = url }
        case .POST:
            form = (try? await request.bodyData) ?? Data()
        default:
            return HTTPResponse(statusCode: .methodNotAllowed, headers: [.contentType: "text/plain; charset=utf-8"],
                                body: Data("SPARQL takes GET or POST.\n".utf8))
        }
        do throws(SyncError) {
            switch try await client.request(target, headers: ["Accept": accept], form: form, validator: nil, htmlMeansAbsent: false) {
            case .ok(let body, _, _):
                return HTTPResponse(statusCode: .ok, headers: [.contentType: Self.contentType(accept)], body: body)
            case .notFound:
                return HTTPResponse(statusCode: .notFound, headers: [.contentType: "text/plain; charset=utf-8"],
                                    body: Data("The upstream SPARQL endpoint answered 404.\n".utf8))
            case .notModified, .preconditionFailed:
                return HTTPResponse(statusCode: .badGateway, headers: [.contentType: "text/plain; charset=utf-8"],
                                    body: Data("Unexpected answer from the upstream SPARQL endpoint.\n".utf8))
            }
        } catch {
            return HTTPResponse(statusCode: .badGateway, headers: [.contentType: "text/plain; charset=utf-8"],
                                body: Data("The upstream SPARQL endpoint failed: \(error.message)\n".utf8))
        }
    }

    /// The type the client asked for first among SPARQL's result types (what Virtuoso answers with).
    static func contentType(_ accept: String) -> String {
        let asked = accept.split(separator: ",").map { $0.split(separator: ";")[0].trimmingCharacters(in: .whitespaces) }
        let known = ["application/sparql-results+json", "application/sparql-results+xml", "text/csv", "text/tab-separated-values"]
        return asked.first(where: known.contains) ?? "application/sparql-results+json"
    }
}
