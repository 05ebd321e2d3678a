import Foundation
import JoinupModel
import JoinupStore
import Testing
@testable import JoinupSettings
@testable import JoinupViews

/// Issue 16's links and detail items on rendered frames (MemorySurface at the named sizes).
@Suite struct LinkAndDetailFrameTests {
    init() { TestLocale.ensure() }

    private static let longLink = "https://joinup.ec.europa.eu/collection/ec-ospo/event/eu-open-source-policy-summit-2024-registration"

    @Test(arguments: [(60, 40), (100, 40)])
    func aURLInTheReaderIsNeverSplitAcrossLines(width: Int, height: Int) {
        var state = Fixtures.state(tab: .overview, opened: true)
        state.overview.openedItem?.item.link = Self.longLink
        state.overview.openedItem?.item.body = "Register at \(Self.longLink) before Friday."
        let lines = render(state, width: width, height: height).lines
        // The link's tail never starts a line of its own; the cut link ends in "…".
        #expect(!lines.contains { $0.contains("registration") && !$0.contains("https://") })
        let shown = lines.filter { $0.contains("https://joinup.ec.europa.eu") }
        #expect(shown.count == 2, "\(lines.joined(separator: "\n"))")
        #expect(shown.allSatisfy { $0.trimmingCharacters(in: .whitespaces).hasSuffix("…") || $0.contains("registration") })
    }

    @Test func wrapKeepsURLsWholeAndShortensOnlyTooLongOnes() {
        #expect(TextWidth.wrap("see https://a.example/one/two now", width: 20) == ["see", "https://a.example/o…", "now"])
        #expect(TextWidth.wrap("see https://a.example/x now", width: 25) == ["see https://a.example/x", "now"])
        // Other long words are still broken so nothing is lost.
        #expect(TextWidth.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
    }

    @Test func aboutLinksAreWholeOrShortenedNeverWrapped() {
        var state = Fixtures.state(tab: .about)
        state.about.collection?.feedURL = Self.longLink + "/feed.xml"
        let lines = render(state, width: 80, height: 40).lines
        let feed = lines.first { $0.contains("RSS feed") }
        #expect(feed?.contains("https://joinup.ec.europa.eu/collection/ec-ospo/") == true)
        #expect(feed?.trimmingCharacters(in: .whitespaces).hasSuffix("…") == true)
        #expect(!lines.contains { $0.contains("feed.xml") })
    }

    @Test func bodyLinesAreCappedAtAReadableWidthOnAWideScreen() {
        var state = Fixtures.state(tab: .overview, opened: true)
        state.overview.openedItem?.item.body = String(repeating: "open source software ", count: 30)
        let surface = render(state, width: 200, height: 50)
        // The reader is right of the filter pane's rule.
        let bodyLines = surface.lines.filter { $0.contains("open source software") }
            .map { String($0.split(separator: "│").last ?? "") }
        #expect(!bodyLines.isEmpty)
        let widest = bodyLines.map { TextWidth.width($0.trimmingCharacters(in: .whitespaces)) }.max() ?? 0
        #expect(widest <= TextBlock.readableWidth, "\(surface.text)")
        #expect(widest > TextBlock.readableWidth - 25)
    }

    @Test func theLinkChooserListsNumberedLinksWithTheCursorHighlighted() throws {
        var state = Fixtures.state(tab: .about)
        let links = LinkChooser.aboutLinks(state.about.collection!, directory: nil)
        state.modal = .linkChooser(LinkChooser(links: links, selection: 1))
        let surface = render(state, width: 100, height: 30)
        #expect(surface.lines.contains { $0.contains("Links") })
        let feedRow = try #require(surface.lines.firstIndex { $0.contains("2  RSS feed") })
        #expect(surface.lines[feedRow].contains("https://joinup.ec.europa.eu/collection/ec-ospo/feed.xml"))
        let x = try #require(column(of: "RSS feed", row: feedRow, in: surface))
        #expect(surface.style(x: x, y: feedRow) == .selectedRow)
        let contact = try #require(surface.lines.firstIndex { $0.contains("4  Contact: EC OSPO") })
        #expect(surface.style(x: try #require(column(of: "Contact", row: contact, in: surface)), y: contact) != .selectedRow)
        #expect(surface.lines.contains { $0.contains("1-9 open") && $0.contains("Esc close") })
    }

    /// At 60 columns the box is narrower than the links: they are cut with "…", never wrapped.
    @Test func theLinkChooserShortensLinksOnANarrowScreen() throws {
        var state = Fixtures.state(tab: .about)
        state.modal = .linkChooser(LinkChooser(links: LinkChooser.aboutLinks(state.about.collection!, directory: nil)))
        let lines = render(state, width: 60, height: 20).lines
        let metadata = try #require(lines.first { $0.contains("3  Metadata") })
        #expect(metadata.contains("https://joinup") && metadata.contains("…"))
        #expect(!lines.contains { $0.contains("rdfxml") })
    }

    @Test func roleChipsShowOnlyRolesWithMembersAndAnswerClicks() throws {
        var state = Fixtures.state(tab: .members)
        state.members.roleCounts = [.owner: 1, .facilitator: 2, .author: 0, .member: 3]
        let surface = render(state, width: 100, height: 30)
        let row = try #require(surface.lines.firstIndex { $0.contains("Facilitator 2") })
        #expect(!surface.lines[row].contains("Author"))
        let x = try #require(column(of: "Facilitator 2", row: row, in: surface))
        let targets = ScreenLayout(width: 100, height: 30).pointerTargets(for: state)
        #expect(targets.command(atX: x + 3, y: row) == .pointAtRole(.facilitator))
        let all = try #require(column(of: "All", row: row, in: surface))
        #expect(targets.command(atX: all, y: row) == .pointAtRole(nil))
    }

    @Test func osc52CarriesTheSanitisedLinkInBase64EndedByST() throws {
        let copied = Clipboard.copy("https://example.org/a\u{1B}]52;c;ZXZpbA==\u{07}b", mode: .osc52)
        let sequence = try #require(copied.sequence)
        #expect(sequence.hasPrefix("\u{1B}]52;c;") && sequence.hasSuffix("\u{1B}\\"))
        let payload = String(sequence.dropFirst(7).dropLast(2))
        let decoded = String(decoding: try #require(Data(base64Encoded: payload)), as: UTF8.self)
        #expect(!decoded.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F })
        #expect(decoded.hasPrefix("https://example.org/a"))
        // Only base64 between the introducer and ST: nothing else can reach the terminal.
        #expect(payload.allSatisfy { $0.isLetter || $0.isNumber || "+/=".contains($0) })
        #expect(Clipboard.copy("\u{1B}\u{07}", mode: .osc52).sequence == nil)
        let off = Clipboard.copy("https://example.org/a", mode: .off)
        #expect(off.sequence == nil && off.message.text.contains("https://example.org/a"))
    }
}
