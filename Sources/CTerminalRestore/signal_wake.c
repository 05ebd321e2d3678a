// The handler calls only write(2) and the previous handler, and keeps errno: async-signal-safe.
// One relayed signal at a time is all joinup needs (SIGWINCH); the state is set before the
// handler is installed and cleared after it is removed.
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
