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
