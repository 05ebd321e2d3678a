import Foundation
import JoinupTestSupport
import Testing
@testable import JoinupSync

/// The credentials file and where a token may be sent.
@Suite struct CredentialsTests {
    let folder: TemporaryFolder

    init() throws { folder = try TemporaryFolder() }

    private func mode(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    @Test func savedCredentialsAreOwnerOnlyAndReadBack() throws {
        let store = CredentialStore(folder: folder.path("config"))
        let remote = "https://joinup.ec.europa.eu"
        #expect(try store.load(for: remote) == nil)
        try store.save(Credentials(token: "t-secret", user: "Ana Novak", origin: remote))
        #expect(try mode(store.file) == 0o600)
        #expect(try mode(store.folder) == 0o700)
        #expect(try store.load(for: remote + "/collection/x") == Credentials(token: "t-secret", user: "Ana Novak", origin: remote))
        // Replaced whole, never appended to; no temporary file is left beside it.
        try store.save(Credentials(token: "t-other", user: nil, origin: remote))
        #expect(try store.load(for: remote) == Credentials(token: "t-other", user: nil, origin: remote))
        #expect(try store.accounts().count == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: store.folder) == ["credentials"])
        #expect(try store.remove())
        #expect(try store.load(for: remote) == nil)
        #expect(try !store.remove())
    }

    @Test func eachRemoteOriginHasItsOwnTokenAndNoOtherOriginGetsIt() throws {
        let store = CredentialStore(folder: folder.path("config"))
        try store.save(Credentials(token: "t-joinup", user: "Ana", origin: "https://joinup.ec.europa.eu"))
        try store.save(Credentials(token: "t-local", user: "Bo", origin: "http://127.0.0.1:8080"))
        #expect(try store.load(for: "https://joinup.ec.europa.eu:443/")?.token == "t-joinup")
        #expect(try store.load(for: "http://127.0.0.1:8080")?.token == "t-local")
        // Another port, scheme or host is another origin: no token at all.
        for other in ["http://127.0.0.1:8081", "http://joinup.ec.europa.eu", "https://joinup.ec.europa.eu.evil.example",
                      "https://evil.example"] {
            #expect(try store.load(for: other) == nil, "\(other) got a token")
        }
        // With two accounts and no remote named, none is picked.
        #expect(try store.load(for: nil) == nil)
        let local = try #require(try store.load(for: "http://127.0.0.1:8080"))
        #expect(local.refusal(for: "http://127.0.0.1:8080/x") == nil)
        #expect(local.refusal(for: "http://127.0.0.1:9999")?.contains("belongs to http://127.0.0.1:8080") == true)
    }

    @Test func anOlderTokenTiedToNoRemoteIsReadButNeverSent() throws {
        let store = CredentialStore(folder: folder.path)
        _ = FileManager.default.createFile(atPath: store.file, contents: Data(#"{"token":"t-old","user":"Ana"}"#.utf8),
                                       attributes: [.posixPermissions: 0o600])
        let old = try #require(try store.load(for: "https://joinup.ec.europa.eu"))
        #expect(old.token == "t-old" && old.origin == nil)
        #expect(old.refusal(for: "https://joinup.ec.europa.eu")?.contains("joinup login --remote https://joinup.ec.europa.eu") == true)
        // Signing in again replaces it.
        try store.save(Credentials(token: "t-new", user: nil, origin: "https://joinup.ec.europa.eu"))
        #expect(try store.accounts() == [Credentials(token: "t-new", user: nil, origin: "https://joinup.ec.europa.eu")])
    }

    @Test func fileOthersCanReadIsRefused() throws {
        let store = CredentialStore(folder: folder.path("config"))
        try store.save(Credentials(token: "t", user: nil, origin: "http://127.0.0.1:1"))
        chmod(store.file, 0o644)
        #expect(throws: CredentialsError.self) { try store.load(for: "http://127.0.0.1:1") }
    }

    @Test func garbageFileIsAClearError() throws {
        let store = CredentialStore(folder: folder.path)
        _ = FileManager.default.createFile(atPath: store.file, contents: Data("not json".utf8), attributes: [.posixPermissions: 0o600])
        do {
            _ = try store.load(for: nil)
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
