// The handlers call only write(2) and the previous handler, and keep errno: async-signal-safe.
// One relayed signal at a time is all joinup needs (SIGWINCH); the state is set before the
// handler is installed and cleared after it is removed. The stop signals wake the same pipe.
#define _GNU_SOURCE
#include "terminal_restore.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

static volatile sig_atomic_t wake_fd = -1;
static int relayed_signal = 0;
static struct sigaction previous_action;

static void relay(int signal_number, siginfo_t *info, void *context) {
    int saved_errno = errno;
    if (previous_action.sa_flags & SA_SIGINFO) {
        if (previous_action.sa_sigaction) previous_action.sa_sigaction(signal_number, info, context);
    } else if (previous_action.sa_handler != SIG_DFL && previous_action.sa_handler != SIG_IGN) {
        previous_action.sa_handler(signal_number);
    }
    if (wake_fd >= 0) {
        char byte = 1;
        ssize_t ignored = write(wake_fd, &byte, 1);
        (void)ignored;
    }
    errno = saved_errno;
}

int jr_relay_signal_to_fd(int signal_number, int fd) {
    if (sigaction(signal_number, NULL, &previous_action) != 0) return -1;
    struct sigaction action;
    memset(&action, 0, sizeof(action));
    action.sa_sigaction = relay;
    action.sa_mask = previous_action.sa_mask;
    // Keep the previous flags (ncurses relies on its reads being interrupted); add SA_SIGINFO.
    action.sa_flags = (previous_action.sa_flags & ~SA_RESETHAND) | SA_SIGINFO;
    wake_fd = fd;
    relayed_signal = signal_number;
    if (sigaction(signal_number, &action, NULL) != 0) {
        wake_fd = -1;
        relayed_signal = 0;
        return -1;
    }
    return 0;
}

void jr_stop_relaying_signal(int signal_number) {
    if (relayed_signal != signal_number) return;
    sigaction(signal_number, &previous_action, NULL);
    wake_fd = -1;
    relayed_signal = 0;
}

// The stop signals: a plain sigaction handler, in place as soon as jr_catch_stop_signals returns
// (a dispatch signal source is armed later, on another thread, and lost signals sent before).

static const int stop_signals[] = {SIGTERM, SIGHUP, SIGINT};
#define STOP_SIGNAL_COUNT (sizeof(stop_signals) / sizeof(stop_signals[0]))
static volatile sig_atomic_t stop_received = 0;
static struct sigaction previous_stop_actions[STOP_SIGNAL_COUNT];
static int stop_signals_caught = 0;

static void note_stop(int signal_number) {
    int saved_errno = errno;
    stop_received = signal_number;
    int fd = wake_fd;
    if (fd >= 0) {
        char byte = 1;
        ssize_t ignored = write(fd, &byte, 1);
        (void)ignored;
    }
    errno = saved_errno;
}

int jr_catch_stop_signals(void) {
    if (stop_signals_caught) return 0;
    stop_received = 0;
    struct sigaction action;
    memset(&action, 0, sizeof(action));
    action.sa_handler = note_stop;
    sigemptyset(&action.sa_mask);
    // Other threads (HTTP, the cache) make blocking calls a signal must not break.
    action.sa_flags = SA_RESTART;
    for (size_t index = 0; index < STOP_SIGNAL_COUNT; index++) {
        if (sigaction(stop_signals[index], &action, &previous_stop_actions[index]) != 0) {
            int saved_errno = errno;
            while (index-- > 0) sigaction(stop_signals[index], &previous_stop_actions[index], NULL);
            errno = saved_errno;
            return -1;
        }
    }
    stop_signals_caught = 1;
    return 0;
}

int jr_stop_signal_received(void) {
    return stop_received;
}

void jr_release_stop_signals(void) {
    if (!stop_signals_caught) return;
    for (size_t index = 0; index < STOP_SIGNAL_COUNT; index++) {
        sigaction(stop_signals[index], &previous_stop_actions[index], NULL);
    }
    stop_signals_caught = 0;
}
