import Foundation

/// Runs blocking work (waiting for processes, sleeping between polls) on a thread of its own and
/// awaits its result.
///
/// Swift Testing runs tests on the cooperative pool, which has one thread per core: a test that
/// blocks one of them for minutes starves every async test beside it (an in-process server stops
/// answering). Keep `#expect` in the awaiting test: issues are attributed through task-locals,
/// which a plain thread does not have.
public func runBlocking<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread { continuation.resume(with: Result { try body() }) }
        thread.stackSize = 8 << 20
        thread.start()
    }
}
