// Everything the handler touches is written once before the handlers are installed and only read
// afterwards, and it calls only write(2), tcsetattr(3), sigaction(2) and raise(3): all on the
// POSIX list of async-signal-safe functions.
#define _GNU_SOURCE
#include "terminal_restore.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

static const int crash_signals[] = { SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL };
enum { crash_signal_count = sizeof(crash_signals) / sizeof(crash_signals[0]) };

static char restore_bytes[512];
static size_t restore_length = 0;
static struct termios saved_modes;
static int saved_fd = -1;
static struct sigaction previous_actions[crash_signal_count];
static int installed = 0;
static int chain_previous = 0;

int jr_save_terminal_modes(int fd) {
    if (tcgetattr(fd, &saved_modes) != 0) return -1;
    saved_fd = fd;
    return 0;
}

void jr_set_restore_bytes(const char *bytes, size_t length) {
    if (length >= sizeof(restore_bytes)) length = sizeof(restore_bytes) - 1;
    memcpy(restore_bytes, bytes, length);
    restore_length = length;
}

void jr_restore_terminal_now(void) {
    int saved_errno = errno;
    if (saved_fd >= 0) {
        size_t written = 0;
        while (written < restore_length) {
            ssize_t n = write(saved_fd, restore_bytes + written, restore_length - written);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) break;
            written += (size_t)n;
        }
        tcsetattr(saved_fd, TCSANOW, &saved_modes);
    }
    errno = saved_errno;
}

static void crash_handler(int number, siginfo_t *info, void *context) {
    (void)context;
    jr_restore_terminal_now();
    int index = -1;
    for (int i = 0; i < crash_signal_count; i++) {
        if (crash_signals[i] == number) index = i;
    }
    if (chain_previous && index >= 0) {
        sigaction(number, &previous_actions[index], NULL);
    } else {
        struct sigaction fallback;
        memset(&fallback, 0, sizeof(fallback));
        fallback.sa_handler = SIG_DFL;
        sigemptyset(&fallback.sa_mask);
        sigaction(number, &fallback, NULL);
    }
    // A fault (si_code > 0) happens again when the handler returns, now under the previous
    // action; a signal that was sent (kill, abort, raise) must be raised again to take effect.
    if (info == NULL || info->si_code <= 0) raise(number);
}

void jr_install_crash_handlers(int chain) {
    if (installed) return;
    chain_previous = chain;
    struct sigaction action;
    memset(&action, 0, sizeof(action));
    action.sa_sigaction = crash_handler;
    action.sa_flags = SA_SIGINFO | SA_NODEFER;
    sigemptyset(&action.sa_mask);
    for (int i = 0; i < crash_signal_count; i++) {
        sigaction(crash_signals[i], &action, &previous_actions[i]);
    }
    installed = 1;
}

void jr_remove_crash_handlers(void) {
    if (!installed) return;
    for (int i = 0; i < crash_signal_count; i++) {
        sigaction(crash_signals[i], &previous_actions[i], NULL);
    }
    installed = 0;
}
