#!/usr/bin/env python3
"""Time from process start to the first painted frame of `joinup`, in a real pseudo-terminal.

Usage: bench/first_frame.py BINARY DATA_DIR [--runs N] [--warmup N] [--marker REGEX] [--size COLSxROWS]
       bench/first_frame.py --command 'PROGRAM ARGS…' --marker REGEX [--env NAME=VALUE …] [--quit KEYS] …

With --command, any program is timed the same way (bench/compare.sh times newsboat's first frame
from its cache with it); BINARY and DATA_DIR are then not given.

Starts BINARY --data-dir DATA_DIR under a pty of the given size (default 100x30, TERM=xterm-256color,
LANG=C.UTF-8), reads its output until MARKER has been drawn (default "Topics", the filter pane's
heading, drawn only once the counts and rows have come from the cache — not the empty frame),
records the elapsed wall time, then sends "q" and waits for a clean exit. Prints each run and the
median and spread (min–max) in milliseconds, and the peak resident memory (VmHWM, read from
/proc --settle seconds after the marker appears) of the program. The cache in DATA_DIR must already exist (run the
binary once, e.g. `joinup items --data-dir DATA_DIR > /dev/null`), so this measures a cold start
from an existing cache, not the first import.
"""
import argparse, fcntl, os, pty, re, select, shlex, signal, statistics, struct, sys, termios, time


def peak_rss_kb(pid):
    """The process's peak resident set size (VmHWM) in kB, or None when /proc has no answer."""
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def one_run(argv, extra_env, marker, cols, rows, quit_keys=b"q", settle=0.5, timeout=30.0):
    pid, fd = pty.fork()
    if pid == 0:
        env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8", LC_ALL="C.UTF-8")
        env.update(extra_env)
        os.execvpe(argv[0], argv, env)
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
    # Let work the program does after its first frame (a background index) show in the peak.
    settle_until = time.perf_counter() + settle
    while time.perf_counter() < settle_until:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if fd in ready:
            try:
                os.read(fd, 65536)
            except OSError:
                break
    rss = peak_rss_kb(pid)
    os.write(fd, quit_keys)
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
    return elapsed * 1000, rss


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("binary", nargs="?")
    parser.add_argument("data_dir", nargs="?")
    parser.add_argument("--command", help="any program and its arguments, split like a shell would")
    parser.add_argument("--env", action="append", default=[], help="NAME=VALUE for the program (repeatable)")
    parser.add_argument("--quit", default="q", help="keys that end the program (default q)")
    parser.add_argument("--settle", type=float, default=0.5,
                        help="seconds to wait after the marker before reading the peak RSS (default 0.5)")
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--marker", default="Topics")
    parser.add_argument("--size", default="100x30")
    args = parser.parse_args()
    cols, rows = (int(v) for v in args.size.split("x"))
    if args.command:
        argv = shlex.split(args.command)
    elif args.binary and args.data_dir:
        argv = [args.binary, "--data-dir", args.data_dir, "--config-dir", args.data_dir + "/config"]
    else:
        parser.error("give BINARY DATA_DIR, or --command")
    extra_env = dict(pair.split("=", 1) for pair in args.env)
    quit_keys = args.quit.encode()
    for _ in range(args.warmup):
        one_run(argv, extra_env, args.marker, cols, rows, quit_keys, args.settle)
    results = [one_run(argv, extra_env, args.marker, cols, rows, quit_keys, args.settle) for _ in range(args.runs)]
    times = [t for t, _ in results]
    peaks = [r for _, r in results if r is not None]
    for i, (t, r) in enumerate(results, 1):
        print(f"run {i}: {t:.1f} ms, peak RSS {r} kB")
    print(f"first frame: median {statistics.median(times):.1f} ms, min {min(times):.1f} ms, max {max(times):.1f} ms "
          f"({args.runs} runs after {args.warmup} warm-up)")
    if peaks:
        print(f"peak RSS at the first frame: median {statistics.median(peaks):.0f} kB, max {max(peaks)} kB")


if __name__ == "__main__":
    main()
