import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Turns Nagle's algorithm off on the listening socket bound to `port` (Linux: accepted
/// connections inherit TCP_NODELAY from it).
///
/// FlyingFox writes a response's head and body in two writes; with Nagle on, the body waits for
/// the client's delayed ACK of the head — 40 ms per response on Linux loopback, most of a sync's
/// wall time. FlyingFox has no hook for socket options, so the listening descriptor is found by
/// its bound port. Returns whether one was found.
@discardableResult
func disableNagle(onListeningPort port: UInt16) -> Bool {
    #if canImport(Glibc)
    var found = false
    let fds = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd"))?.compactMap(Int32.init) ?? []
    for fd in fds {
        var listening: Int32 = 0
        var size = socklen_t(MemoryLayout<Int32>.size)
        guard getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &listening, &size) == 0, listening == 1 else { continue }
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard named == 0, address.sin_family == sa_family_t(AF_INET), UInt16(bigEndian: address.sin_port) == port else { continue }
        var on: Int32 = 1
        if setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &on, socklen_t(MemoryLayout<Int32>.size)) == 0 { found = true }
    }
    return found
    #else
    return false
    #endif
}
