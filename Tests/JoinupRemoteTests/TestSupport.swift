import Foundation

/// The package's root folder, found from this file's path.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// `Fixtures/remote`, the shipped data folder.
let fixtureFolder = packageRoot.appendingPathComponent("Fixtures/remote")

/// A temporary folder removed when the value goes away.
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("joinup-remote-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// A copy of the fixture data folder inside this folder.
    func copyOfFixtures() throws -> URL {
        let copy = url.appendingPathComponent("data")
        try FileManager.default.copyItem(at: fixtureFolder, to: copy)
        return copy
    }
}

extension Data {
    var text: String { String(decoding: self, as: UTF8.self) }
}
