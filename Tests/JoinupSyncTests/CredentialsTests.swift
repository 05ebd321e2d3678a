import Foundation
import Testing
@testable import JoinupSync

/// The credentials file and where a token may be sent.
@Suite struct CredentialsTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("joinup-cred-\(UUID().uuidString)")

    private func mode(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    @Test func savedCredentialsAreOwnerOnlyAndReadBack() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = CredentialStore(folder: folder.appendingPathComponent("config").path)
        #expect(try store.load() == nil)
        try store.save(Credentials(token: "t-secret", user: "Ana Novak"))
        #expect(try mode(store.file) == 0o600)
        #expect(try mode(store.folder) == 0o700)
        #expect(try store.load() == Credentials(token: "t-secret", user: "Ana Novak"))
        // Replaced whole, never appended to; no temporary file is left beside it.
        try store.save(Credentials(token: "t-other", user: nil))
        #expect(try store.load() == Credentials(token: "t-other", user: nil))
        #expect(try FileManager.default.contentsOfDirectory(atPath: store.folder) == ["credentials"])
        #expect(try store.remove())
        #expect(try store.load() == nil)
        #expect(try !store.remove())
    }

    @Test func fileOthersCanReadIsRefused() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = CredentialStore(folder: folder.path)
        try store.save(Credentials(token: "t", user: nil))
        chmod(store.file, 0o644)
        #expect(throws: CredentialsError.self) { try store.load() }
    }

    @Test func garbageFileIsAClearError() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let store = CredentialStore(folder: folder.path)
        FileManager.default.createFile(atPath: store.file, contents: Data("not json".utf8), attributes: [.posixPermissions: 0o600])
        do {
            _ = try store.load()
            Issue.record("garbage was accepted")
        } catch {
            #expect(error.description.contains("joinup login"))
        }
    }

    @Test func tokenGoesOnlyOverHTTPSOrToLoopback() {
        for allowed in ["https://joinup.ec.europa.eu", "http://127.0.0.1:8080", "http://127.3.4.5", "http://localhost:9",
                        "http://[::1]:8080"] {
            #expect(TokenPolicy.refusal(for: URL(string: allowed)!) == nil, "\(allowed) should be allowed")
        }
        for refused in ["http://joinup.ec.europa.eu", "http://10.0.0.1", "http://128.0.0.1", "http://127.0.0.1.evil.example",
                        "ftp://127.0.0.1"] {
            #expect(TokenPolicy.refusal(for: URL(string: refused)!) != nil, "\(refused) should be refused")
        }
    }
}
