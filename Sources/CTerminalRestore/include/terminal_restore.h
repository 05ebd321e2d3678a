// Puts the terminal back (normal screen, visible cursor, plain attributes, saved termios)
// from a crash-signal handler, where only async-signal-safe calls are allowed.
#ifndef JOINUP_TERMINAL_RESTORE_H
#define JOINUP_TERMINAL_RESTORE_H

#include <stddef.h>

/// Remembers the terminal's current termios (call before initscr) and the descriptor to restore.
/// Returns 0 on success, -1 when `fd` is not a terminal.
int jr_save_terminal_modes(int fd);

/// Remembers the bytes that leave full-screen mode (e.g. sgr0, cnorm, rmkx, rmcup); at most 511.
void jr_set_restore_bytes(const char *bytes, size_t length);

/// Installs the handler for SIGSEGV, SIGABRT, SIGBUS, SIGFPE and SIGILL: it writes the saved bytes,
/// restores the saved termios, then lets the signal take its default action (die, maybe dump core)
/// or, when `chain` is non-zero, the action installed before (e.g. Swift's backtracer).
void jr_install_crash_handlers(int chain);

/// Writes the restore bytes and restores the termios now (what the handler does), for tests and exits.
void jr_restore_terminal_now(void);

/// Puts back the handlers that were there before `jr_install_crash_handlers`.
void jr_remove_crash_handlers(void);

// Turns a signal into a byte on a pipe, so a loop asleep in poll(2) wakes for it: the classic
// self-pipe, with the handler that was there before (ncurses' SIGWINCH handler) still called.

/// From now on `signal_number` also writes one byte to `fd` (non-blocking; a full pipe already
/// holds a wake-up), after running the action installed before. Returns 0, or -1 with errno set.
int jr_relay_signal_to_fd(int signal_number, int fd);

/// Puts back the action that was there before `jr_relay_signal_to_fd`.
void jr_stop_relaying_signal(int signal_number);

// The signals that ask joinup to stop (SIGTERM, SIGHUP, SIGINT): noted by a flag the terminal
// loop reads, and a byte on the relay's pipe (while there is one) so its idle sleep ends.

/// Catches the stop signals from the moment it returns. Returns 0, or -1 with errno set.
int jr_catch_stop_signals(void);

/// The last stop signal caught since `jr_catch_stop_signals`, or 0.
int jr_stop_signal_received(void);

/// Puts back the actions that were there before `jr_catch_stop_signals`.
void jr_release_stop_signals(void);

// Ctrl-Z in raw mode arrives as a key, not as SIGTSTP: joinup stops itself once the screen is restored.

/// Stops the process group as the terminal's Ctrl-Z would (SIGTSTP with its default action, whatever
/// handler was installed), and returns once it is continued (`fg`, SIGCONT). Returns 0, or -1 with errno.
int jr_stop_until_continued(void);
#endif
