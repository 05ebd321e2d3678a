// Asks terminfo whether $TERM names a terminal joinup can draw on, before initscr() commits to it.
#ifndef JOINUP_CNCURSES_TERMINFO_H
#define JOINUP_CNCURSES_TERMINFO_H

#include "shim.h"
#include <ncursesw/term.h>

/// 0: usable; 1: $TERM unknown to terminfo (or unset); 2: it cannot address the cursor (e.g. dumb).
static inline int nc_terminal_problem(void) {
    int error = 0;
    if (setupterm(NULL, 1, &error) != OK) return 1;
    char *cup = tigetstr("cup");
    int problem = (cup == NULL || cup == (char *)-1) ? 2 : 0;
    del_curterm(cur_term);
    return problem;
}
#endif
