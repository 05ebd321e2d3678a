import Testing
@testable import JoinupModel

@Test func lineStripsEscapeSequencesAndControls() {
    let hostile = "Hi\u{1B}[31mred\u{1B}]52;c;SGVsbG8=\u{07}\u{9B}2J\u{08}\u{202E}txt.exe\u{200B}!"
    let clean = TerminalText.line(hostile)
    #expect(clean.unicodeScalars.allSatisfy { TerminalText.isAllowed($0) })
    #expect(!clean.contains("\u{1B}"))
    #expect(clean == "Hi[31mred]52;c;SGVsbG8=2Jtxt.exe!")
}

@Test func lineFoldsWhitespaceRuns() {
    #expect(TerminalText.line("  a\t\tb \n\r c  ") == "a b c")
}

@Test func blockKeepsLineBreaksAndNormalisesCRLF() {
    #expect(TerminalText.block("one\r\ntwo\rthree\n\nfour\u{1B}") == "one\ntwo\nthree\n\nfour")
}

@Test func nonASCIITextSurvives() {
    let text = "Européen 日本語のニュース 🇪🇺 Ωmega"
    #expect(TerminalText.line(text) == text)
}

@Test func streamKeepsTheFormatsSeparatorsAndDropsEveryOtherRefusedScalar() {
    let row = "a\tb,\"c\u{1B}]52;c;ZQ==\u{07}\u{9B}6n\u{7F}\u{202E}\u{2066}\u{200B}\u{E0041}d\"\r\n{\"x\":\"Zoë 日本\"}\n"
    #expect(TerminalText.stream(row) == "a\tb,\"c]52;c;ZQ==6nd\"\r\n{\"x\":\"Zoë 日本\"}\n")
    let clean = "date\ttitle\r\nZoë\n"
    #expect(TerminalText.stream(clean) == clean)
}
