@testable import JoinupSync
import Testing

@Suite struct HTMLTextTests {
    @Test func paragraphsAreSeparatedByOneBlankLine() {
        #expect(HTMLText.plainText("<p>One</p>\n\n<p>Two</p><div><p>Three</p></div>") == "One\n\nTwo\n\nThree")
    }

    @Test func breaksAndListItemsBecomeLineBreaks() {
        #expect(HTMLText.plainText("<p>a<br>b<br/>c</p><ul><li>x</li><li>y</li></ul>") == "a\nb\nc\n\n• x\n• y")
        #expect(HTMLText.plainText("a<br><br>b") == "a\n\nb")
    }

    @Test func listItemsKeepTheirBulletsAndNumbers() {
        #expect(HTMLText.plainText("<p>Steps:</p><ol><li>Clone</li>\n <li> <p>Build</p> </li><li>Test</li></ol><p>Done</p>")
            == "Steps:\n\n1. Clone\n2. Build\n3. Test\n\nDone")
        // A nested list goes on line by line with its own bullets, and the outer list keeps its count.
        #expect(HTMLText.plainText("<ol><li>a<ul><li>x</li><li>y</li></ul></li><li>b</li></ol><p>c</p>")
            == "1. a\n• x\n• y\n2. b\n\nc")
    }

    @Test func whitespaceCollapsesAndInlineTagsVanish() {
        #expect(HTMLText.plainText("  <p>  Some   <strong>bold</strong>\n\t text  <a href=\"x>y\">link</a>. </p> ") == "Some bold text link.")
    }

    @Test func namedAndNumericEntitiesDecode() {
        #expect(HTMLText.plainText("&amp; &lt; &gt; &quot; &apos; a&nbsp;b &#8217; &#x2019; &eacute; &Ouml; &hellip; &#146;")
                == "& < > \" ' a b ’ ’ é Ö … ’")
    }

    @Test func unknownOrUnterminatedEntitiesStayLiteral() {
        #expect(HTMLText.plainText("AT&T &bogus; &#xZZ; fish & chips") == "AT&T &bogus; &#xZZ; fish & chips")
    }

    @Test func decodedAngleBracketsAreTextNotTags() {
        #expect(HTMLText.plainText("<p>&lt;p&gt; is a tag, a < b</p>") == "<p> is a tag, a < b")
    }

    @Test func scriptStyleAndCommentsAreDropped() {
        #expect(HTMLText.plainText("<p>a<!-- hidden <p>x</p> --></p><script>alert('<p>')</script><STYLE>p{}</STYLE>b") == "a\n\nb")
    }

    @Test func plainTextKeepsBlankLineParagraphs() {
        #expect(HTMLText.plainText("First line\ncontinues.\n\n  Second paragraph.\n") == "First line continues.\n\nSecond paragraph.")
    }

    @Test func latin1EntityTableCoversTheWholeRange() {
        #expect(HTMLText.namedEntities["yuml"] == "ÿ")
        #expect(HTMLText.namedEntities["iexcl"] == "¡")
        #expect(HTMLText.namedEntities["szlig"] == "ß")
        #expect(HTMLText.namedEntities["times"] == "×")
    }
}
