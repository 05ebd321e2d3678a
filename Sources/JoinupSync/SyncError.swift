/// Why a sync (or one of its requests) failed, worded for the person at the keyboard: what failed,
/// where, and what to do.
public enum SyncError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Nothing listens at the remote's address (connection refused, unknown host).
    case cannotConnect(url: String, detail: String)
    /// The remote did not answer within the request timeout.
    case timedOut(url: String, seconds: Int)
    /// The connection broke before the whole body arrived (the remote stopped or a proxy cut it).
    case connectionLost(url: String, detail: String)
    /// The remote answered with an HTTP status the sync cannot use.
    case httpStatus(url: String, status: Int)
    /// The remote said it is busy (429, 503), after the retries allowed; `retryAfter` is its `Retry-After` in seconds.
    case serverBusy(url: String, status: Int, retryAfter: Int?)
    /// An HTML page came where a feed or data document was expected.
    case notADocument(url: String, contentType: String)
    /// The body is larger than the client accepts.
    case tooLarge(url: String, limit: Int)
    /// A compressed body that inflates far beyond any real document: a decompression bomb.
    case compressionBomb(url: String, ratio: Int)
    /// The document arrived but could not be read.
    case invalidDocument(FeedParseError)
    /// The paged feed changed while its pages were being read, again and again.
    case listingKeptChanging(url: String, attempts: Int)
    /// The feed's next links run in a circle or on for too long.
    case pagingLoop(url: String)
    /// The remote publishes no collection directory and no collection was named.
    case noDirectory(url: String)
    /// The local cache refused the data; the text is one line naming the file and what to do.
    case cache(String)
    /// A redirect that joinup does not follow (another origin, or a request carrying the token).
    case redirectRefused(url: String, detail: String)
    /// Any other transport failure.
    case transport(url: String, detail: String)

    public var description: String { message }

    /// One line saying what failed, where, and what to do.
    public var message: String {
        switch self {
        case let .cannotConnect(url, detail):
            "\(url): cannot connect (\(detail)). Is the remote running? Check --remote, JOINUP_REMOTE or config.toml."
        case let .timedOut(url, seconds):
            "\(url): no answer within \(seconds) s. The remote is slow or unreachable; try again later."
        case let .connectionLost(url, detail):
            "\(url): the connection broke before the whole document arrived (\(detail)). Try again."
        case let .httpStatus(url, status):
            "\(url): the remote answered HTTP \(status)\(status >= 500 ? " (a server error; try again later)" : status == 404 ? " (not found: check the collection alias or URI)" : "")."
        case let .serverBusy(url, status, retryAfter):
            "\(url): the remote is busy (HTTP \(status))\(retryAfter.map { "; it asks to wait \($0) s" } ?? ""). Try again later."
        case let .notADocument(url, contentType):
            "\(url): the remote sent a web page (\(contentType)), not a Joinup document. Check the remote's address."
        case let .tooLarge(url, limit):
            "\(url): the document is larger than \(limit / (1 << 20)) MB, more than joinup accepts."
        case let .compressionBomb(url, ratio):
            "\(url): the compressed document inflates more than \(ratio)-fold, as a decompression bomb does; refused."
        case let .invalidDocument(error):
            "\(error.message). The remote sent a document joinup cannot read; the cache keeps its previous copy."
        case let .listingKeptChanging(url, attempts):
            "\(url): the feed changed while it was being read (\(attempts) attempts). Try again in a moment."
        case let .pagingLoop(url):
            "\(url): the feed's next-page links never end. The remote's paging is broken."
        case let .noDirectory(url):
            "\(url): the remote publishes no collection directory. Name collections with --collection ALIAS."
        case let .cache(detail):
            detail
        case let .transport(url, detail), let .redirectRefused(url, detail):
            "\(url): \(detail)"
        }
    }
}
