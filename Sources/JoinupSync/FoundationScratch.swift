import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Keeps Foundation's own networking files out of the user's home.
///
/// On Linux, making a URLSession configuration creates a URL cache and the shared cookie store,
/// which make folders under $HOME/.cache and XDG_DATA_HOME (default ~/.local/share) even when
/// the session uses neither — as joinup's does not. The one configuration joinup makes is
/// built while those variables point at a scratch folder in the temporary directory, then
/// they are restored; every session copies it. The home stays untouched (tests rely on it).
enum FoundationScratch {
    /// An ephemeral configuration with no URL cache, cookies or credential store.
    static let configuration: URLSessionConfiguration = {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("joinup-foundation-\(getuid())").path
        let names = ["HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME"]
        let saved = names.map { name in getenv(name).map { String(cString: $0) } }
        for name in names { setenv(name, scratch, 1) }
        defer {
            for (name, value) in zip(names, saved) {
                if let value { setenv(name, value, 1) } else { unsetenv(name) }
            }
        }
        _ = URLCache.shared
        _ = HTTPCookieStorage.shared
        let configuration = URLSessionConfiguration.ephemeral
        configuration.urlCache = nil
        configuration.httpCookieStorage = nil
        configuration.urlCredentialStorage = nil
        configuration.httpShouldSetCookies = false
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        return configuration
    }()
}
