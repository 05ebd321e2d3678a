import FlyingFox
import FlyingSocks
import Foundation

/// One misbehaviour `joinup-remote --fault SPEC` injects into the responses it matches, so tests can
/// show a client copes with slow, broken and hostile servers.
///
/// SPEC is comma-separated `key[=value]` parts: one fault and optional scope.
///
/// | fault | does |
/// |---|---|
/// | `latency=2s` (`ms` too) | waits before answering |
/// | `status=503[,retry-after=2]` | answers that status (with `Retry-After` seconds) instead |
/// | `reset` | sends the status line and headers, then closes the connection: no body |
/// | `truncate=1000` | declares the whole body's length, sends its first 1000 bytes, closes |
/// | `drip=100B/s` | sends the body at that rate (`KB/s` too) |
/// | `redirect-loop` | answers 302 to the same URL, again and again |
/// | `redirect=URL` | answers 301 to URL (another origin, a metadata address…) |
/// | `gzip-bomb=1GB` | a 200 body of that many zero bytes, gzip-compressed (about 1 MB per GB on the wire) |
/// | `content-type=text/html` | the right body with that `Content-Type` |
/// | `oversize=70MB` | a 200 body of that size (`KB`, `MB`), streamed without a declared length |
/// | `body=FILE` | the bytes of FILE, verbatim, as a 200 body (a hostile document) |
///
/// Scope: `path=TEXT` matches requests whose target contains TEXT; `first=N` stops after the first N
/// matching requests (so a retry can succeed). The `--log` line of a request shows the answer the
/// server made before the fault reshaped it.
public struct Fault: Sendable, Equatable {
    /// What goes wrong.
    public enum Kind: Sendable, Equatable {
        case latency(milliseconds: Int)
        case status(Int, retryAfter: Int?)
        case reset
        case truncate(bytes: Int)
        case drip(bytesPerSecond: Int)
        case redirectLoop
        case redirect(to: String)
        case gzipBomb(bytes: Int)
        case contentType(String)
        case oversize(bytes: Int)
        case body(file: String)
    }

    public var kind: Kind
    /// Only requests whose target contains this text (all requests when nil).
    public var pathContains: String?
    /// Only the first N matching requests (all when nil).
    public var firstRequests: Int?

    public init(kind: Kind, pathContains: String? = nil, firstRequests: Int? = nil) {
        self.kind = kind
        self.pathContains = pathContains
        self.firstRequests = firstRequests
    }

    /// Why a SPEC could not be read.
    public struct SpecError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Reads a SPEC such as `status=503,retry-after=2,path=feed.xml,first=1`.
    public init(spec: String) throws(SpecError) {
        var kind: Kind?
        var retryAfter: Int?
        var path: String?
        var first: Int?
        func fail(_ text: String) -> SpecError { SpecError(description: "--fault \(spec): \(text)") }
        for part in spec.split(separator: ",", omittingEmptySubsequences: true) {
            let pieces = part.split(separator: "=", maxSplits: 1).map(String.init)
            let key = pieces[0].trimmingCharacters(in: .whitespaces).lowercased()
            let value = pieces.count > 1 ? pieces[1].trimmingCharacters(in: .whitespaces) : nil
            func number(_ parse: (String) -> Int?) throws(SpecError) -> Int {
                guard let value, let n = parse(value), n >= 0 else { throw fail("\(key) needs a value such as \(Self.example(key))") }
                return n
            }
            let parsed: Kind?
            switch key {
            case "latency": parsed = .latency(milliseconds: try number(Self.milliseconds))
            case "status": parsed = .status(try number { Int($0) }, retryAfter: nil)
            case "retry-after": retryAfter = try number { Int($0) }; parsed = nil
            case "reset": parsed = .reset
            case "truncate": parsed = .truncate(bytes: try number(Self.bytes))
            case "drip": parsed = .drip(bytesPerSecond: max(1, try number { Self.bytes($0.replacingOccurrences(of: "/s", with: "")) }))
            case "redirect-loop": parsed = .redirectLoop
            case "redirect":
                guard let value, !value.isEmpty else { throw fail("redirect needs a URL") }
                parsed = .redirect(to: value)
            case "gzip-bomb": parsed = .gzipBomb(bytes: try number(Self.bytes))
            case "content-type":
                guard let value, !value.isEmpty else { throw fail("content-type needs a value such as text/html") }
                parsed = .contentType(value)
            case "oversize": parsed = .oversize(bytes: try number(Self.bytes))
            case "body":
                guard let value, !value.isEmpty else { throw fail("body needs a file path") }
                parsed = .body(file: value)
            case "path": path = value; parsed = nil
            case "first": first = try number { Int($0) }; parsed = nil
            default: throw fail("unknown part \"\(key)\" (faults: latency, status, reset, truncate, drip, redirect-loop, redirect, gzip-bomb, content-type, oversize, body; scope: path, first)")
            }
            if let parsed {
                guard kind == nil else { throw fail("one fault per --fault (repeat the option for more)") }
                kind = parsed
            }
        }
        guard var kind else { throw fail("names no fault") }
        if let retryAfter {
            guard case let .status(code, _) = kind else { throw fail("retry-after goes with status=") }
            kind = .status(code, retryAfter: retryAfter)
        }
        self.init(kind: kind, pathContains: path, firstRequests: first)
    }

    private static func example(_ key: String) -> String {
        switch key {
        case "latency": "2s"
        case "drip": "100B/s"
        case "truncate", "oversize": "70MB"
        case "gzip-bomb": "1GB"
        default: "3"
        }
    }

    /// "2s", "1500ms", "2" (seconds).
    static func milliseconds(_ text: String) -> Int? {
        let lower = text.lowercased()
        if lower.hasSuffix("ms") { return Int(lower.dropLast(2)) }
        if lower.hasSuffix("s") { return Double(lower.dropLast()).map { Int($0 * 1000) } }
        return Int(lower).map { $0 * 1000 }
    }

    /// "1000", "100B", "4KB", "70MB".
    static func bytes(_ text: String) -> Int? {
        let upper = text.uppercased()
        for (suffix, factor) in [("KB", 1 << 10), ("MB", 1 << 20), ("GB", 1 << 30), ("B", 1)] where upper.hasSuffix(suffix) {
            return Int(upper.dropLast(suffix.count)).map { $0 * factor }
        }
        return Int(upper)
    }
}

/// Applies faults to responses; counts matches so `first=N` ends after N requests.
actor FaultInjector {
    private let faults: [Fault]
    private var matches: [Int] = []

    init(_ faults: [Fault]) {
        self.faults = faults
        matches = Array(repeating: 0, count: faults.count)
    }

    /// The faults that apply to this request, counting it against each one's `first=N`.
    private func active(for target: String) -> [Fault.Kind] {
        var kinds: [Fault.Kind] = []
        for (index, fault) in faults.enumerated() {
            if let text = fault.pathContains, !target.contains(text) { continue }
            matches[index] += 1
            if let first = fault.firstRequests, matches[index] > first { continue }
            kinds.append(fault.kind)
        }
        return kinds
    }

    /// The response the client gets: latencies wait, then the first other matching fault reshapes it.
    func apply(to response: HTTPResponse, for request: HTTPRequest) async -> HTTPResponse {
        let kinds = active(for: request.target.rawValue)
        for case let .latency(milliseconds) in kinds {
            try? await Task.sleep(for: .milliseconds(milliseconds))
        }
        guard let kind = kinds.first(where: { if case .latency = $0 { false } else { true } }) else { return response }
        return await Self.reshape(response, kind, request: request)
    }

    private static func reshape(_ response: HTTPResponse, _ kind: Fault.Kind, request: HTTPRequest) async -> HTTPResponse {
        var headers = response.headers
        switch kind {
        case .latency:
            return response
        case let .status(code, retryAfter):
            var out = HTTPHeaders()
            out[.contentType] = "text/plain; charset=utf-8"
            if let retryAfter { out[HTTPHeader("Retry-After")] = String(retryAfter) }
            return HTTPResponse(statusCode: HTTPStatusCode(code, phrase: "Injected fault"), headers: out,
                                body: Data("Injected fault: HTTP \(code).\n".utf8))
        case .redirectLoop:
            return HTTPResponse(statusCode: .found, headers: [.location: request.target.rawValue, .contentType: "text/plain"],
                                body: Data("Round and round.\n".utf8))
        case let .redirect(target):
            return HTTPResponse(statusCode: .movedPermanently, headers: [.location: target, .contentType: "text/plain"],
                                body: Data("Moved.\n".utf8))
        case let .gzipBomb(size):
            var out = HTTPHeaders()
            out[.contentType] = headers[.contentType] ?? "application/rss+xml"
            out[HTTPHeader("Content-Encoding")] = "gzip"
            return HTTPResponse(statusCode: .ok, headers: out, body: (try? Gzip.zeros(count: size)) ?? Data())
        case let .contentType(type):
            headers[.contentType] = type
            return HTTPResponse(statusCode: response.statusCode, headers: headers, body: await body(of: response))
        case let .body(file):
            let data = (try? Data(contentsOf: URL(fileURLWithPath: file))) ?? Data()
            var out = HTTPHeaders()
            out[.contentType] = headers[.contentType] ?? "application/octet-stream"
            return HTTPResponse(statusCode: .ok, headers: out, body: data)
        case .reset:
            return streamed(response, headers, Data(), declaredLength: max(1, await body(of: response).count), stopAfter: 0)
        case let .truncate(bytes):
            let data = await body(of: response)
            return streamed(response, headers, data, declaredLength: data.count, stopAfter: min(bytes, data.count))
        case let .drip(rate):
            let data = await body(of: response)
            headers[.contentLength] = nil
            let sequence = GeneratedBytes(total: data.count, rate: rate) { range in data[range] }
            return HTTPResponse(statusCode: response.statusCode, headers: headers,
                                body: HTTPBodySequence(from: sequence, count: data.count, suggestedBufferSize: max(1, min(4096, rate / 10))))
        case let .oversize(size):
            var out = HTTPHeaders()
            out[.contentType] = headers[.contentType] ?? "application/octet-stream"
            // Whitespace after an XML declaration: a well-formed start that never ends within the limit.
            let chunk = Data(repeating: 0x20, count: 64 << 10)
            let sequence = GeneratedBytes(total: size, rate: nil) { range in chunk.prefix(range.count) }
            return HTTPResponse(statusCode: .ok, headers: out, body: HTTPBodySequence(from: sequence, suggestedBufferSize: 64 << 10))
        }
    }

    private static func body(of response: HTTPResponse) async -> Data {
        (try? await response.bodyData) ?? Data()
    }

    /// A response that declares `declaredLength` bytes but ends the connection after `stopAfter`.
    private static func streamed(_ response: HTTPResponse, _ headers: HTTPHeaders, _ data: Data,
                                 declaredLength: Int, stopAfter: Int) -> HTTPResponse {
        var headers = headers
        headers[.contentLength] = nil
        let sequence = GeneratedBytes(total: declaredLength, rate: nil, failAfter: stopAfter) { range in data[range] }
        return HTTPResponse(statusCode: response.statusCode, headers: headers,
                            body: HTTPBodySequence(from: sequence, count: declaredLength))
    }
}

/// Body bytes made on demand: optionally paced (`rate` bytes per second) or cut off after
/// `failAfter` bytes, which makes FlyingFox close the connection mid-body.
private struct GeneratedBytes: AsyncBufferedSequence, Sendable {
    typealias Element = UInt8
    let total: Int
    let rate: Int?
    var failAfter: Int?
    let slice: @Sendable (Range<Int>) -> Data

    struct CutOff: Error {}

    func makeAsyncIterator() -> Iterator { Iterator(source: self) }

    struct Iterator: AsyncBufferedIteratorProtocol {
        let source: GeneratedBytes
        var offset = 0

        mutating func next() async throws -> UInt8? {
            try await nextBuffer(suggested: 1)?.first
        }

        mutating func nextBuffer(suggested count: Int) async throws -> [UInt8]? {
            let limit = source.failAfter ?? source.total
            if offset >= limit {
                if source.failAfter != nil && offset < source.total { throw CutOff() }
                return nil
            }
            var size = Swift.min(Swift.max(1, count), limit - offset)
            if let rate = source.rate {
                // Ten sends a second at the given rate.
                size = Swift.min(size, Swift.max(1, rate / 10))
                try await Task.sleep(for: .milliseconds(Swift.max(1, size * 1000 / rate)))
            }
            let bytes = [UInt8](source.slice(offset..<(offset + size)))
            offset += size
            return bytes
        }
    }
}
