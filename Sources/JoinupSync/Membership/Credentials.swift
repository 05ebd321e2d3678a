import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A signed-in account: the remote's bearer token and the user name it belongs to.
public struct Credentials: Hashable, Sendable, Codable {
    public var token: String
    /// The name the remote gave for the token (`GET /user`), when it was checked.
    public var user: String?

    public init(token: String, user: String?) {
        self.token = token
        self.user = user
    }
}

/// Why the credentials file could not be read or written.
public struct CredentialsError: Error, CustomStringConvertible, Sendable {
    public var description: String
}

/// The `credentials` file in the config folder: JSON, mode 0600 in a 0700 folder, replaced atomically.
public struct CredentialStore: Sendable {
    public let folder: String

    public init(folder: String) {
        self.folder = folder
    }

    public var file: String { (folder as NSString).appendingPathComponent("credentials") }

    /// The stored credentials; nil when signed out. A file others can read is refused, not used.
    public func load() throws(CredentialsError) -> Credentials? {
        var info = stat()
        guard stat(file, &info) == 0 else { return nil }
        if info.st_mode & 0o077 != 0 {
            throw CredentialsError(description: "\(file) can be read by others (mode \(String(info.st_mode & 0o777, radix: 8))); run `chmod 600 \(file)` or `joinup login` again")
        }
        guard let data = FileManager.default.contents(atPath: file),
              let credentials = try? JSONDecoder().decode(Credentials.self, from: data),
              !credentials.token.isEmpty else {
            throw CredentialsError(description: "\(file) is not a joinup credentials file; run `joinup login` again")
        }
        return credentials
    }

    /// Writes the credentials: a new file of mode 0600 renamed over the old one.
    public func save(_ credentials: Credentials) throws(CredentialsError) {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw CredentialsError(description: "cannot create \(folder): \(error.localizedDescription)")
        }
        chmod(folder, 0o700)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(credentials) else {
            throw CredentialsError(description: "cannot encode the credentials")
        }
        let temporary = file + ".tmp-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_EXCL, 0o600)
        guard descriptor >= 0 else {
            throw CredentialsError(description: "cannot write \(temporary): \(String(cString: strerror(errno)))")
        }
        let written = data.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        let synced = fsync(descriptor)
        close(descriptor)
        guard written == data.count, synced == 0, rename(temporary, file) == 0 else {
            unlink(temporary)
            throw CredentialsError(description: "cannot write \(file): \(String(cString: strerror(errno)))")
        }
    }

    /// Deletes the file; false when there was none.
    @discardableResult
    public func remove() throws(CredentialsError) -> Bool {
        guard FileManager.default.fileExists(atPath: file) else { return false }
        guard unlink(file) == 0 else {
            throw CredentialsError(description: "cannot remove \(file): \(String(cString: strerror(errno)))")
        }
        return true
    }
}

/// Where a bearer token may be sent: over https, or over plain http only to this machine.
public enum TokenPolicy {
    /// Nil when `url` may carry the token; otherwise why not, for the user.
    public static func refusal(for url: URL) -> String? {
        let scheme = url.scheme?.lowercased()
        if scheme == "https" { return nil }
        guard scheme == "http", let host = url.host?.lowercased() else {
            return "the remote \(url.absoluteString) is not an http(s) URL"
        }
        if isLoopback(host) { return nil }
        return "refusing to send the sign-in token over plain http to \(host): use an https remote (or a loopback address)"
    }

    /// 127.0.0.0/8, ::1 and localhost.
    public static func isLoopback(_ host: String) -> Bool {
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        if bare == "localhost" || bare == "::1" { return true }
        let parts = bare.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4, parts.allSatisfy({ UInt8($0) != nil }) else { return false }
        return parts[0] == "127"
    }
}
