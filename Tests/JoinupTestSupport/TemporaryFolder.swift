import Foundation

/// A temporary folder, removed when the value goes away.
public final class TemporaryFolder: @unchecked Sendable {
    public let url: URL

    public init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("joinup-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    public var path: String { url.path }

    public func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// A copy of the fixture data folder, to edit.
    public func copyOfFixtures() throws -> URL {
        let copy = url.appendingPathComponent("data")
        try FileManager.default.copyItem(at: fixtureFolder, to: copy)
        return copy
    }
}
