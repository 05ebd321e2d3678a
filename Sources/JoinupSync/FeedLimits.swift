/// Bounds on what one remote document may hold, so a hostile or broken remote costs bounded time and
/// memory (the HTTP client bounds the body's size: `HTTPClientLimits.maximumBodySize`).
///
/// Each is far above anything Joinup publishes; going past one rejects the document with
/// `FeedParseError.Reason.overLimit`, and the cache keeps its previous copy.
public enum FeedLimits {
    /// Deepest element nesting (Joinup's documents nest fewer than 10 levels).
    public static let elementDepth = 256
    /// Longest character data of one element, in UTF-8 bytes (a whole item body fits many times).
    public static let textBytes = 4 << 20
    /// Most topic categories on one feed item.
    public static let topicsPerItem = 1_000
}
