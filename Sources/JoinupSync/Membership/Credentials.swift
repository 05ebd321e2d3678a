import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A signed-in account: the bearer token a remote issued, tied to that remote's origin.
public struct Credentials: Hashable, Sendable, Codable {
    public var token: String
    /// The name the remote gave for the token (`GET /user`), when it was checked.
    public var user: String?
    /// The origin (`https://joinup.ec.europa.eu`) the token was issued by and is sent to, and only
    /// to; nil for a token stored by an older joinup, which is never sent.
    public var origin: String?

    public init(token: String, user: String?, origin: String?) {
        self.token = token
        self.user = user
        self.origin = origin
    }

    /// Nil when this token may go to `remote`; otherwise why not, for the user.
    public func refusal(for remote: String) -> String? {
        guard let origin else {
            return "the stored token is from an older joinup and not tied to a remote; run `joinup login --remote \(URLText.printable(remote))`"
        }
        guard let target = Origin(remote), Origin(origin) == target else {
            return "the stored token belongs to \(origin), not to \(Origin(remote)?.description ?? URLText.printable(remote)); run `joinup login --remote \(URLText.printable(remote))` to sign in there"
        }
        return nil
    }
}

/// Why the credentials file could not be read or written.
public struct CredentialsError: Error, CustomStringConvertible, Sendable {
    public var description: String
}

/// The `credentials` file in the config folder: JSON, mode 0600 in a 0700 folder, replaced
/// atomically; one account per remote origin.
public struct CredentialStore: Sendable {
    public let folder: String

    public init(folder: String) {
        self.folder = folder
    }

    public var file: String { (folder as NSString).appendingPathComponent("credentials") }

    /// What one `stat` says of the file (nil: no file), to notice a sign-in or sign-out made by
    /// another process without reading the file on every tick.
    public func fileStamp() -> FileStamp? { FileStamp(path: file) }

    /// The file's shape: `{"accounts": [...]}`; an older joinup wrote one `{"token", "user"}`.
    private struct File: Codable {
        var accounts: [Credentials]
    }

    /// Every stored account; empty when signed out. A file others can read is refused, not used.
    public func accounts() throws(CredentialsError) -> [Credentials] {
        var info = stat()
        guard stat(file, &info) == 0 else { return [] }
        if info.st_mode & 0o077 != 0 {
            throw CredentialsError(description: "\(file) can be read by others (mode \(String(info.st_mode & 0o777, radix: 8))); run `chmod 600 \(file)` or `joinup login` again")
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw CredentialsError(description: "\(file) cannot be read; run `joinup login` again")
        }
        if let stored = try? JSONDecoder().decode(File.self, from: data), stored.accounts.allSatisfy({ !$0.token.isEmpty }) {
            return stored.accounts
        }
        if let legacy = try? JSONDecoder().decode(Credentials.self, from: data), !legacy.token.isEmpty {
            return [Credentials(token: legacy.token, user: legacy.user, origin: nil)]
        }
        throw CredentialsError(description: "\(file) is not a joinup credentials file; run `joinup login` again")
    }

    /// The account for `remote`'s origin; with no remote, the only account there is (nil when
    /// none or several). An older joinup's token, tied to no remote, is returned as it is (its
    /// `refusal(for:)` says why it is not sent).
    public func load(for remote: String?) throws(CredentialsError) -> Credentials? {
        let all = try accounts()
        guard let remote else { return all.count == 1 ? all[0] : nil }
        let target = Origin(remote)
        return all.first { $0.origin.flatMap(Origin.init) == target && target != nil } ?? all.first { $0.origin == nil }
    }

    /// Stores `credentials`, replacing the account of the same origin: a new file of mode 0600
    /// renamed over the old one. An older joinup's token tied to no remote is dropped.
    public func save(_ credentials: Credentials) throws(CredentialsError) {
        let others = ((try? accounts()) ?? []).filter { $0.origin != nil && $0.origin != credentials.origin }
        try store(File(accounts: others + [credentials]))
    }

    private func store(_ contents: File) throws(CredentialsError) {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw CredentialsError(description: "cannot create \(folder): \(error.localizedDescription)")
        }
        chmod(folder, 0o700)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(contents) else {
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

/// A file's identity and last change as `stat` gives them: a replaced or rewritten file differs.
public struct FileStamp: Hashable, Sendable {
    public var inode: UInt64
    public var size: Int64
    /// Nanoseconds since the epoch.
    public var modified: Int64

    /// One `stat` of `path`; nil when there is no such file.
    public init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
    }

    /// The modification time as a date (e.g. a served document's Last-Modified).
    public var modifiedDate: Date { Date(timeIntervalSince1970: Double(modified) / 1_000_000_000) }
}
