import Foundation
import JoinupTestSupport
import Testing

/// The EC OSPO data folder must stay the embedded snapshot, byte for byte.
@Suite struct FixtureFilesTests {
    @Test(arguments: [
        ("topics.rdf", "topics.rdf"),
        ("ec-open-source-programme-office/collection.rdf", "ec-ospo/collection.rdf"),
        ("ec-open-source-programme-office/feed.xml", "ec-ospo/feed.xml"),
        ("ec-open-source-programme-office/members.json", "ec-ospo/members.json"),
    ])
    func ospoFixtureIsTheEmbeddedSnapshot(fixture: String, snapshot: String) throws {
        let served = try Data(contentsOf: fixtureFolder.appendingPathComponent(fixture))
        let embedded = try Data(contentsOf: packageRoot.appendingPathComponent("Sources/JoinupSync/Snapshot/\(snapshot)"))
        #expect(served == embedded, "Fixtures/remote/\(fixture) differs from Sources/JoinupSync/Snapshot/\(snapshot): copy one over the other")
    }
}
