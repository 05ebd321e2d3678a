// The system zlib (Debian: zlib1g-dev) for gzip in joinup-remote. deflateInit2/inflateInit2 are
// macros Swift cannot import, so they are wrapped here.
#ifndef CZLIB_SHIM_H
#define CZLIB_SHIM_H
#include <zlib.h>

/// Starts a gzip (RFC 1952) deflate stream.
static inline int czlib_deflate_init_gzip(z_streamp stream, int level) {
    return deflateInit2(stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
}

/// Starts an inflate stream that reads gzip (and zlib) framing.
static inline int czlib_inflate_init_gzip(z_streamp stream) {
    return inflateInit2(stream, 15 + 32);
}
#endif
