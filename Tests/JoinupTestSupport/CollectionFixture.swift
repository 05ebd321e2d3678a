import Foundation
import JoinupModel

extension Collection {
    /// A collection for tests, every field defaulted so a test names only what it is about. The
    /// page, feed and metadata URLs follow Joinup's paths under `site` (empty when `site` is nil).
    public static func fixture(
        uri: String? = nil, alias: String = "test", title: String = "Test", abstract: String = "",
        description: String = "", owner: String = "", contacts: [Contact] = [], topicURIs: [String] = [],
        spatial: [String] = [], keywords: [String] = [], isClosed: Bool = false,
        contentCreation: ContentCreation = .onlyMembers, isModerated: Bool = false, workflowState: String = "validated",
        solutionCount: Int? = nil, created: Date = Date(timeIntervalSince1970: 0),
        modified: Date = Date(timeIntervalSince1970: 0), site: String? = "https://joinup.example"
    ) -> Collection {
        let page = site.map { "\($0)/collection/\(alias)" }
        return Collection(
            uri: uri ?? "http://data.europa.eu/w21/\(alias)", alias: alias, title: title, abstract: abstract,
            description: description, owner: owner, contacts: contacts, topicURIs: topicURIs, spatial: spatial,
            keywords: keywords, isClosed: isClosed, contentCreation: contentCreation, isModerated: isModerated,
            workflowState: workflowState, solutionCount: solutionCount, created: created, modified: modified,
            pageURL: page ?? "", feedURL: page.map { "\($0)/feed.xml" } ?? "",
            metadataURL: page.map { "\($0)?_format=rdfxml" } ?? "")
    }
}
