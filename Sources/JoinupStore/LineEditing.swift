/// The search line's editing, as readline does it: the pure part of `SearchReducer`.
extension SearchLine {
    /// Types `character` at the cursor.
    mutating func insert(_ character: Character) {
        let at = cursor
        replace(at..<at, with: [character])
    }

    /// Applies `edit`; true when the text changed (and the filter must follow it).
    mutating func apply(_ edit: LineEdit) -> Bool {
        let count = text.count
        switch edit {
        case .left: cursor -= 1
        case .right: cursor += 1
        case .home: cursor = 0
        case .end: cursor = count
        case .deleteForward: return delete(cursor..<min(count, cursor + 1))
        case .killToStart: return delete(0..<cursor)
        case .killToEnd: return delete(cursor..<count)
        case .killWordBackward:
            // Readline's unix-word-rubout: the spaces before the cursor, then the word before them.
            let characters = Array(text)
            var start = cursor
            while start > 0, characters[start - 1] == " " { start -= 1 }
            while start > 0, characters[start - 1] != " " { start -= 1 }
            return delete(start..<cursor)
        }
        return false
    }

    /// Backspace: the character before the cursor; true when there was one.
    mutating func deleteBackward() -> Bool {
        delete(max(0, cursor - 1)..<cursor)
    }

    /// Removes the characters in `range` (offsets into `text`), leaving the cursor where they were.
    private mutating func delete(_ range: Range<Int>) -> Bool {
        guard !range.isEmpty else { return false }
        replace(range, with: [])
        return true
    }

    /// Replaces the characters in `range`; the cursor ends after the new ones.
    private mutating func replace(_ range: Range<Int>, with new: [Character]) {
        var characters = Array(text)
        characters.replaceSubrange(range, with: new)
        text = String(characters)
        cursor = range.lowerBound + new.count
    }
}
