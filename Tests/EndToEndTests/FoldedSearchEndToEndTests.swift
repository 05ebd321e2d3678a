import Foundation
import JoinupTestSupport
import Testing

/// `joinup items --search` finds letters Unicode does not decompose and Greek without its accents,
/// on a cache synced by the built binary from a real `joinup-remote`.
@Suite struct FoldedSearchEndToEndTests {
    static let titles = ["Łódź smart city pilot", "Øresund cross-border data", "Open data in der Straße",
                         "Αθήνα open data portal", "Ο δήμος της Σπάρτης", "Cœur de ville numérique"]

    @Test func searchFoldsEveryLetterInTheIndexAndTheQuery() throws {
        let folder = try TemporaryFolder()
        let data = try folder.copyOfFixtures()
        let feed = data.appendingPathComponent("ec-open-source-programme-office/feed.xml")
        let items = Self.titles.enumerated().map { n, title in
            """
                <item>
                  <title>News: \(title)</title>
                  <link>https://joinup.ec.europa.eu/collection/ec-open-source-programme-office/news/folded-\(n)</link>
                  <description>An item for the folded search.</description>
                  <pubDate>Mon, 02 Nov 2026 10:00:00 +0100</pubDate>
                  <dc:creator>EC OSPO</dc:creator>
                  <guid isPermaLink="false">9910\(n) at https://joinup.ec.europa.eu</guid>
                  <category domain="type">News</category>
                </item>

            """
        }.joined()
        let text = try String(contentsOf: feed, encoding: .utf8)
        try #require(text.contains("</channel>"))
        try text.replacingOccurrences(of: "</channel>", with: items + "</channel>").write(to: feed, atomically: true, encoding: .utf8)
        let remote = try RemoteProcess(data: data, folder: folder)
        let paths = ["--data-dir", folder.path("data"), "--config-dir", folder.path("config")]
        let sync = try runCommand(builtBinary("joinup"), ["sync", "--remote", remote.base] + paths,
                                  environment: ["HOME": folder.path("home")])
        try #require(sync.status == 0, "\(sync.stderr)")

        let searches = [("lodz", 0), ("LODZ", 0), ("Łódź", 0), ("oresund", 1), ("ØRESUND", 1), ("strasse", 2), ("STRAß", 2),
                        ("αθηνα", 3), ("ΑΘΗΝΑ", 3), ("σπαρτησ", 4), ("ΣΠΆΡΤΗΣ", 4), ("δημος", 4), ("coeur", 5), ("CŒUR", 5)]
        for (query, index) in searches {
            let result = try runCommand(builtBinary("joinup"),
                                        ["items", "--no-header", "--collection", "ec-open-source-programme-office", "--search", query] + paths,
                                        environment: ["HOME": folder.path("home")])
            #expect(result.status == 0, "\(query): \(result.stderr)")
            let titles = result.stdout.split(separator: "\n").map { String($0.split(separator: "\t", omittingEmptySubsequences: false)[2]) }
            #expect(titles.count == 1 && titles.first?.hasSuffix(Self.titles[index]) == true, "\(query): \(titles)")
        }
    }
}
