import Testing
@testable import JoinupModel

@Test func pointerPutsTheCaretUnderTheUnterminatedQuote() throws {
    let query = #"topic:"ICT security type:event"#
    do {
        _ = try QueryParser.parse(query)
        Issue.record("expected an error")
    } catch {
        #expect(error.pointer(in: query) == """
            topic:"ICT security type:event
                  ^ unterminated quote
            """)
    }
}

@Test func pointerAtColumnOneHasNoIndent() {
    let error = QueryError(column: 1, message: "unknown field foo")
    #expect(error.pointer(in: "foo:bar") == "foo:bar\n^ unknown field foo")
}

@Test func pointerCountsCharactersAndShowsWhitespaceAsSpaces() {
    let error = QueryError(column: 5, message: "here")
    #expect(error.pointer(in: "é\tß\r\nx") == "é ß x\n    ^ here")
}

@Test func pointerClampsAColumnPastTheEnd() {
    #expect(QueryError(column: 9, message: "m").pointer(in: "ab") == "ab\n  ^ m")
    #expect(QueryError(column: 0, message: "m").pointer(in: "ab") == "ab\n^ m")
}
