import CZlib
import Foundation

/// gzip (RFC 1952) through the system zlib: Foundation on Linux has no compression API, and a
/// C module map is far smaller than a compression package with its own dependencies.
public enum Gzip {
    public struct Failure: Error, Equatable {
        public var code: Int32
    }

    /// Compresses `data` into a gzip member.
    public static func compress(_ data: Data, level: Int32 = 6) throws -> Data {
        var stream = z_stream()
        guard czlib_deflate_init_gzip(&stream, level) == Z_OK else { throw Failure(code: Z_STREAM_ERROR) }
        defer { deflateEnd(&stream) }
        let bound = Int(deflateBound(&stream, uLong(data.count)))
        var output = Data(count: bound)
        let status: Int32 = data.withUnsafeBytes { input in
            output.withUnsafeMutableBytes { out in
                stream.next_in = UnsafeMutablePointer(mutating: input.bindMemory(to: Bytef.self).baseAddress)
                stream.avail_in = uInt(data.count)
                stream.next_out = out.bindMemory(to: Bytef.self).baseAddress
                stream.avail_out = uInt(bound)
                return deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { throw Failure(code: status) }
        output.count = Int(stream.total_out)
        return output
    }

    /// A gzip member of `count` zero bytes, compressed as it is made (a 1 GB bomb never exists
    /// uncompressed): what a hostile remote sends to exhaust a client's memory.
    public static func zeros(count: Int) throws -> Data {
        var stream = z_stream()
        guard czlib_deflate_init_gzip(&stream, 9) == Z_OK else { throw Failure(code: Z_STREAM_ERROR) }
        defer { deflateEnd(&stream) }
        let zeros = [UInt8](repeating: 0, count: 1 << 20)
        var output = Data()
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        var left = count
        var status: Int32 = Z_OK
        repeat {
            let size = min(left, zeros.count)
            left -= size
            let flush = left == 0 ? Z_FINISH : Z_NO_FLUSH
            zeros.withUnsafeBufferPointer { input in
                stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
                stream.avail_in = uInt(size)
                repeat {
                    let produced: Int = chunk.withUnsafeMutableBufferPointer { out in
                        stream.next_out = out.baseAddress
                        stream.avail_out = uInt(out.count)
                        status = deflate(&stream, flush)
                        return out.count - Int(stream.avail_out)
                    }
                    output.append(contentsOf: chunk[0..<produced])
                } while stream.avail_out == 0 || (flush == Z_FINISH && status != Z_STREAM_END && status >= 0)
            }
            guard status >= 0 else { throw Failure(code: status) }
        } while left > 0
        return output
    }

    /// Decompresses a gzip member (tests use it to check what the server sent).
    public static func decompress(_ data: Data) throws -> Data {
        var stream = z_stream()
        guard czlib_inflate_init_gzip(&stream) == Z_OK else { throw Failure(code: Z_STREAM_ERROR) }
        defer { inflateEnd(&stream) }
        var result = Data()
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var status: Int32 = Z_OK
        try data.withUnsafeBytes { input in
            stream.next_in = UnsafeMutablePointer(mutating: input.bindMemory(to: Bytef.self).baseAddress)
            stream.avail_in = uInt(data.count)
            repeat {
                let produced: Int = chunk.withUnsafeMutableBufferPointer { out in
                    stream.next_out = out.baseAddress
                    stream.avail_out = uInt(out.count)
                    status = inflate(&stream, Z_NO_FLUSH)
                    return out.count - Int(stream.avail_out)
                }
                guard status == Z_OK || status == Z_STREAM_END else { throw Failure(code: status) }
                result.append(contentsOf: chunk[0..<produced])
            } while status != Z_STREAM_END && (stream.avail_in > 0 || stream.avail_out == 0)
        }
        guard status == Z_STREAM_END else { throw Failure(code: Z_DATA_ERROR) }
        return result
    }
}
