// Stopping on request: SIGTSTP is given its default action for the moment of the stop (ncurses may
// have its own handler, which would redraw from inside the signal), and unblocked so it is taken
// before kill(2) returns, i.e. the call returns only after SIGCONT.
#define _GNU_SOURCE
#include "terminal_restore.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>

int jr_stop_until_continued(void) {
    struct sigaction stop_default, previous;
    memset(&stop_default, 0, sizeof(stop_default));
    stop_default.sa_handler = SIG_DFL;
    sigemptyset(&stop_default.sa_mask);
    if (sigaction(SIGTSTP, &stop_default, &previous) != 0) return -1;
    sigset_t tstp, saved_mask;
    sigemptyset(&tstp);
    sigaddset(&tstp, SIGTSTP);
    pthread_sigmask(SIG_UNBLOCK, &tstp, &saved_mask);
    // The whole process group, as the terminal does: a wrapper script stops with joinup.
    int result = kill(0, SIGTSTP);
    int saved_errno = errno;
    pthread_sigmask(SIG_SETMASK, &saved_mask, NULL);
    sigaction(SIGTSTP, &previous, NULL);
    errno = saved_errno;
    return result;
}
