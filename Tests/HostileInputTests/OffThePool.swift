import Dispatch
import Foundation
import JoinupTestSupport

/// Runs blocking process work (starting `joinup-remote` and reading its URL, stopping it and
/// waiting for its exit) on a Dispatch thread, not on one of Swift concurrency's few cooperative
/// threads: blocking those starves every async test of the run, in-process servers included.
func offThePool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
    }
}

extension RemoteProcess {
    /// Starts `joinup-remote` without blocking a cooperative thread.
    static func start(data: URL, extra: [String] = [], folder: TemporaryFolder) async throws -> RemoteProcess {
        try await offThePool { try RemoteProcess(data: data, extra: extra, folder: folder) }
    }

    /// Stops it by PID without blocking a cooperative thread.
    func stop() async {
        _ = try? await offThePool { self.server.stop() }
    }
}
