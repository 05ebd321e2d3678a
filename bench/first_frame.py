#!/usr/bin/env python3
"""Time from process start to the first painted frame of `joinup`, in a real pseudo-terminal.

Usage: bench/first_frame.py BINARY DATA_DIR [--runs N] [--warmup N] [--marker REGEX] [--size COLSxROWS]

Starts BINARY --data-dir DATA_DIR under a pty of the given size (default 100x30, TERM=xterm-256color,
LANG=C.UTF-8), reads its output until MARKER has been drawn (default "Topics", the filter pane's
heading, drawn only once the counts and rows have come from the cache — not the empty frame),
records the elapsed wall time, then sends "q" and waits for a clean exit. Prints each run and the
median and spread (min–max) in milliseconds. The cache in DATA_DIR must already exist (run the
binary once, e.g. `joinup items --data-dir DATA_DIR > /dev/null`), so this measures a cold start
from an existing cache, not the first import.
"""
import argparse, fcntl, os, pty, re, select, signal, statistics, struct, sys, termios, time


def one_run(binary, data_dir, marker, cols, rows, timeout=10.0):
    pid, fd = pty.fork()
    if pid == 0:
        env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8", LC_ALL="C.UTF-8")
        os.execve(binary, [binary, "--data-dir", data_dir, "--config-dir", data_dir + "/config"], env)
    start = time.perf_counter()
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    seen = b""
    elapsed = None
    needle = re.compile(marker.encode())
    while time.perf_counter() - start < timeout:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if fd in ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            seen += chunk
            if needle.search(seen):
                elapsed = time.perf_counter() - start
                break
    os.write(fd, b"q")
    deadline = time.time() + 5
    status = None
    while time.time() < deadline:
        try:
            os.read(fd, 65536)
        except OSError:
            pass
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        time.sleep(0.01)
    else:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    os.close(fd)
    if elapsed is None:
        sys.exit(f"marker {marker!r} never appeared; output was {seen[-400:]!r}")
    return elapsed * 1000


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("binary")
    parser.add_argument("data_dir")
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--marker", default="Topics")
    parser.add_argument("--size", default="100x30")
    args = parser.parse_args()
    cols, rows = (int(v) for v in args.size.split("x"))
    for _ in range(args.warmup):
        one_run(args.binary, args.data_dir, args.marker, cols, rows)
    times = [one_run(args.binary, args.data_dir, args.marker, cols, rows) for _ in range(args.runs)]
    for i, t in enumerate(times, 1):
        print(f"run {i}: {t:.1f} ms")
    print(f"first frame: median {statistics.median(times):.1f} ms, min {min(times):.1f} ms, max {max(times):.1f} ms "
          f"({args.runs} runs after {args.warmup} warm-up)")


if __name__ == "__main__":
    main()
