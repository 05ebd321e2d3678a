import Foundation
import JoinupTestSupport
import Testing

/// Filtering the EC OSPO collection from the keyboard, in the real binary.
@Suite(.serialized) struct FilterEndToEndTests {
    @Test func topicThenSearchThenClearAndTheFilterSurvivesARestart() throws {
        let folder = try TemporaryFolder()
        let session = try TmuxSession.joinup(in: folder)
        try session.waitFor("8 items")
        // Into the filter pane, down to "ICT security" (past News, Event, the heading and 6 topics), select.
        try session.send("Left")
        for _ in 0..<8 { try session.send("j") }
        try session.send("Space")
        var screen = try session.waitFor("2 items")
        #expect(screen.contains("Filtered: topic ICT security"))
        #expect(screen.contains("FOSSEPS Critical Open Source Software Study Report"))
        #expect(screen.contains("New set of Bug Bounties 2022"))
        for other in ["Register for the biggest", "Accepting open source", "Blog post by", "NextGov Hackathon"] {
            #expect(!screen.contains(other), "\(other) should be filtered out:\n\(screen)")
        }
        // Back to the list and search a word within it.
        try session.send("Right", "/")
        for character in "bount" { try session.send(String(character)) }
        screen = try session.waitFor("1 item")
        #expect(screen.contains("New set of Bug Bounties 2022") && !screen.contains("FOSSEPS"))
        try session.send("Enter")
        // The filter is remembered: quit, start again, same result.
        try session.send("q")
        try session.waitFor("EXIT=0")
        let again = try TmuxSession.joinup(in: folder)
        screen = try again.waitFor("1 item")
        #expect(screen.contains("“bount”"))
        // One key clears everything.
        try again.send("x")
        screen = try again.waitFor("8 items")
        #expect(!screen.contains("Filtered:"))
        #expect(screen.contains("ICT (3)"))
    }

    @Test func theCategoryAndTheTermOfTheSameLabelFilterDifferently() throws {
        let folder = try TemporaryFolder()
        let session = try TmuxSession.joinup(in: folder)
        try session.waitFor("8 items")
        try session.send("Left", "j", "j", "Space")  // ▸ ICT (8): the category
        try session.waitFor("Filtered: topic ▸ ICT")
        try session.waitFor("8 items")
        try session.send("Space", "j", "j", "j", "Space")  // unselect it; ICT (3): the term
        let screen = try session.waitFor("3 items")
        #expect(screen.contains("Blog post by European Commission Open Source Programme Office"))
        #expect(screen.contains("Accepting open source contributions from third-party developers"))
        #expect(screen.contains("New set of Bug Bounties 2022"))
    }
}
