import Foundation
import JoinupModel
#if canImport(Glibc)
import Glibc
#endif

/// Scheme, host and port of a URL: what a redirect must keep and a token is tied to.
public struct Origin: Hashable, Sendable, CustomStringConvertible {
    public let scheme: String
    public let host: String
    public let port: Int

    /// Nil unless `url` is an absolute http(s) URL with a host.
    public init?(_ url: URL) {
        guard let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = url.host?.lowercased(), !host.isEmpty else { return nil }
        self.scheme = scheme
        self.host = host
        self.port = url.port ?? (scheme == "https" ? 443 : 80)
    }

    public init?(_ text: String) {
        guard let url = URL(string: text.trimmingCharacters(in: .whitespacesAndNewlines)) else { return nil }
        self.init(url)
    }

    /// `https://joinup.ec.europa.eu`, `http://127.0.0.1:8080`: the default port is left out.
    public var description: String {
        let bracketed = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        let isDefault = (scheme == "https" && port == 443) || (scheme == "http" && port == 80)
        return "\(scheme)://\(bracketed)" + (isDefault ? "" : ":\(port)")
    }
}

/// Where requests may go: redirects stay on the remote's origin, and link-local addresses (where
/// cloud metadata services live) are never contacted.
public enum NetworkPolicy {
    /// Nil when a request to `from` may follow a redirect to `to`; otherwise why not, for the user.
    /// The same origin, or the same host moving from http to https (an upgrade), is allowed.
    public static func redirectRefusal(from: URL, to: URL) -> String? {
        guard let source = Origin(from), let target = Origin(to) else {
            return "the remote redirected to \(URLText.printable(to.absoluteString)), which is not an http(s) URL"
        }
        if source == target { return nil }
        let isUpgrade = source.scheme == "http" && target.scheme == "https" && source.host == target.host
            && source.port == 80 && target.port == 443
        if isUpgrade { return nil }
        return "the remote redirected to \(URLText.printable(to.absoluteString)), outside \(source); joinup follows redirects only within the remote's own address"
    }

    /// Nil when `host` may be contacted; otherwise why not. With `resolving`, names are resolved
    /// (getaddrinfo) and refused when any address is link-local: 169.254.0.0/16 and fe80::/10 hold
    /// cloud metadata services, which a hostile remote could otherwise make joinup read.
    public static func addressRefusal(host: String, resolving: Bool = true) -> String? {
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased()
        if metadataNames.contains(bare) { return refusal(bare) }
        if let literal = IPAddress(bare) { return literal.isLinkLocal ? refusal(bare) : nil }
        guard resolving else { return nil }
        for address in resolve(bare) where address.isLinkLocal {
            return refusal("\(bare) (\(address))")
        }
        return nil
    }

    private static let metadataNames: Set<String> = ["metadata.google.internal", "metadata", "instance-data", "instance-data.ec2.internal"]

    private static func refusal(_ what: String) -> String {
        "refusing to contact \(what): a link-local address, where cloud metadata services answer"
    }

    /// The addresses `host` resolves to; empty when it does not resolve (the request then fails as usual).
    static func resolve(_ host: String) -> [IPAddress] {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, nil, &hints, &list) == 0, let first = list else { return [] }
        defer { freeaddrinfo(first) }
        var found: [IPAddress] = []
        var node: UnsafeMutablePointer<addrinfo>? = first
        while let entry = node {
            if let address = entry.pointee.ai_addr, let parsed = IPAddress(socketAddress: address) { found.append(parsed) }
            node = entry.pointee.ai_next
        }
        return found
    }
}

/// An IPv4 or IPv6 address as bytes.
struct IPAddress: Hashable, CustomStringConvertible {
    let bytes: [UInt8]

    init?(_ text: String) {
        var v4 = in_addr()
        var v6 = in6_addr()
        if inet_pton(AF_INET, text, &v4) == 1 {
            bytes = withUnsafeBytes(of: &v4) { Array($0) }
        } else if inet_pton(AF_INET6, text, &v6) == 1 {
            bytes = withUnsafeBytes(of: &v6) { Array($0) }
        } else {
            return nil
        }
    }

    init?(socketAddress: UnsafePointer<sockaddr>) {
        switch Int32(socketAddress.pointee.sa_family) {
        case AF_INET:
            bytes = socketAddress.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { pointer in
                withUnsafeBytes(of: pointer.pointee.sin_addr) { Array($0) }
            }
        case AF_INET6:
            bytes = socketAddress.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { pointer in
                withUnsafeBytes(of: pointer.pointee.sin6_addr) { Array($0) }
            }
        default:
            return nil
        }
    }

    /// 169.254.0.0/16, fe80::/10, and IPv4 link-local mapped into IPv6 (::ffff:169.254.x.x).
    var isLinkLocal: Bool {
        if bytes.count == 4 { return bytes[0] == 169 && bytes[1] == 254 }
        if bytes[0] == 0xfe && bytes[1] & 0xc0 == 0x80 { return true }
        let mapped = bytes[0..<10].allSatisfy { $0 == 0 } && bytes[10] == 0xff && bytes[11] == 0xff
        return mapped && bytes[12] == 169 && bytes[13] == 254
    }

    var description: String {
        if bytes.count == 4 { return bytes.map(String.init).joined(separator: ".") }
        return stride(from: 0, to: 16, by: 2).map { String(UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]), radix: 16) }
            .joined(separator: ":")
    }
}

/// URLs as they may be shown or stored: never with a user name or password in them.
public enum URLText {
    /// `text` without the `user:password@` part of its authority, and sanitised for the terminal.
    public static func printable(_ text: String) -> String {
        TerminalText.line(withoutUserinfo(text))
    }

    /// `text` without the `user:password@` part of its authority (unchanged when it has none).
    public static func withoutUserinfo(_ text: String) -> String {
        guard let schemeEnd = text.range(of: "://") else { return text }
        let authorityStart = schemeEnd.upperBound
        let rest = text[authorityStart...]
        let authorityEnd = rest.firstIndex(where: { "/?#".contains($0) }) ?? text.endIndex
        guard let at = text[authorityStart..<authorityEnd].lastIndex(of: "@") else { return text }
        return String(text[..<authorityStart]) + String(text[text.index(after: at)...])
    }

    /// Whether `text` carries a user name or password.
    public static func hasUserinfo(_ text: String) -> Bool {
        withoutUserinfo(text) != text
    }
}
