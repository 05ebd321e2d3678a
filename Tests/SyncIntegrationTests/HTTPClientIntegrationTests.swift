import Foundation
import JoinupCache
import JoinupModel
import JoinupSync
import JoinupTestSupport
import Testing

/// The HTTP client against the real `joinup-remote` process. (Not an in-process server: that
/// would share the test runner's cooperative threads with blocking end-to-end tests and starve.)
@Suite struct HTTPClientIntegrationTests {
    let ospoFeed = "/collection/ec-open-source-programme-office/feed.xml"

    @Test func theHTTPClientGetsA304OverTheNetworkWithStoredValidators() async throws {
        let folder = try TemporaryFolder()
        let remote = try RemoteProcess(data: fixtureFolder, folder: folder)
        defer { _ = remote.server.stop() }
        let base = remote.base
        #expect(base.hasPrefix("http://127.0.0.1:"))
        let client = HTTPClient()
        let url = try #require(URL(string: base + ospoFeed))
        guard case let .ok(body, etag, lastModified) = try await client.get(url) else {
            Issue.record("expected a 200")
            return
        }
        #expect(try RSSFeedParser.parse(body, collectionURI: "urn:x").items.count == 8)
        let validator = ResourceValidator(url: url.absoluteString, etag: etag, lastModified: lastModified)
        #expect(try await client.get(url, validator: validator) == .notModified)
        #expect(try await client.get(URL(string: base + "/collection/none/feed.xml")!) == .notFound)
    }

    @Test func theHTTPClientRefusesABodyOverItsLimit() async throws {
        let folder = try TemporaryFolder()
        let remote = try RemoteProcess(data: fixtureFolder, folder: folder)
        defer { _ = remote.server.stop() }
        let base = remote.base
        let client = HTTPClient(limits: HTTPClientLimits(maximumBodySize: 4_096))
        let url = try #require(URL(string: base + ospoFeed))
        await #expect(throws: SyncError.tooLarge(url: url.absoluteString, limit: 4_096)) {
            try await client.get(url)
        }
    }
}
