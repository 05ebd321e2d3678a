import JoinupModel

/// The line `/` opens: free text or the fielded query language, applied as it is typed.
public struct SearchLine: Hashable, Sendable {
    /// What it searches: the Overview's items or the Members tab's names.
    public enum Target: Hashable, Sendable { case items, members }

    public var target: Target
    public var text: String
    /// Why the text does not parse yet (the results stay as they were until it does).
    public var error: String?

    public init(target: Target, text: String = "", error: String? = nil) {
        self.target = target
        self.text = text
        self.error = error
    }
}
