import JoinupModel

/// The line `/` opens: free text or the fielded query language, applied as it is typed.
public struct SearchLine: Hashable, Sendable {
    /// What it searches: the Overview's items or the Members tab's names.
    public enum Target: Hashable, Sendable { case items, members }

    public var target: Target
    public var text: String
    /// Why the text does not parse yet (the results stay as they were until it does).
    public var error: String?
    /// The filter the line builds on (what was selected before `/`); Esc goes back to it.
    public var base: ItemFilter?

    public init(target: Target, text: String = "", error: String? = nil, base: ItemFilter? = nil) {
        self.target = target
        self.text = text
        self.error = error
        self.base = base
    }
}
