import JoinupModel

/// The line `/` opens: free text or the fielded query language, applied as it is typed.
public struct SearchLine: Hashable, Sendable {
    /// What it searches: the Overview's items or the Members tab's names.
    public enum Target: Hashable, Sendable { case items, members }

    public var target: Target
    public var text: String
    /// Where typing goes, counted from the end: the characters after the cursor (0: at the end,
    /// where typing appends; so text set from outside keeps the cursor at its end).
    public var charactersAfterCursor: Int
    /// Why the text does not parse yet (the results stay as they were until it does).
    public var error: String?
    /// The filter the line builds on (what was selected before `/`); Esc goes back to it.
    public var base: ItemFilter?

    public init(target: Target, text: String = "", charactersAfterCursor: Int = 0, error: String? = nil, base: ItemFilter? = nil) {
        self.target = target
        self.text = text
        self.charactersAfterCursor = min(max(0, charactersAfterCursor), text.count)
        self.error = error
        self.base = base
    }

    /// The cursor as an offset in characters from the start of `text` (0...text.count).
    public var cursor: Int {
        get { max(0, text.count - charactersAfterCursor) }
        set { charactersAfterCursor = text.count - min(max(0, newValue), text.count) }
    }
}
