// Swift cannot import ncurses' macros or its C globals under Swift 6; these inline wrappers can.
#ifndef JOINUP_CNCURSES_SHIM_H
#define JOINUP_CNCURSES_SHIM_H

#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1

#include <locale.h>
#include <wchar.h>
#include <ncursesw/ncurses.h>

// glibc hides wcwidth from Swift's view of <wchar.h>.
extern int wcwidth(wchar_t);

static inline WINDOW *nc_stdscr(void) { return stdscr; }
static inline int nc_cols(void) { return COLS; }
static inline int nc_lines(void) { return LINES; }
static inline int nc_colors(void) { return COLORS; }
static inline int nc_color_pairs(void) { return COLOR_PAIRS; }

static inline attr_t nc_a_normal(void) { return A_NORMAL; }
static inline attr_t nc_a_bold(void) { return A_BOLD; }
static inline attr_t nc_a_underline(void) { return A_UNDERLINE; }
static inline attr_t nc_a_reverse(void) { return A_REVERSE; }
static inline attr_t nc_a_dim(void) { return A_DIM; }
static inline attr_t nc_a_italic(void) { return A_ITALIC; }

static inline int nc_key_f(int n) { return KEY_F(n); }

// Mouse: the masks are macros Swift cannot import.
static inline int nc_key_mouse(void) { return KEY_MOUSE; }
static inline mmask_t nc_mouse_buttons_and_wheel(void) {
    return BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED;
}
static inline int nc_mouse_kind(mmask_t state) {
    if (state & (BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED)) return 1;
    if (state & BUTTON4_PRESSED) return 4;
    if (state & BUTTON5_PRESSED) return 5;
    return 0;
}
/// Reads the pending mouse event: returns its kind (1 click, 4 wheel up, 5 wheel down, 0 other, -1 none).
static inline int nc_read_mouse(int *x, int *y) {
    MEVENT event;
    if (getmouse(&event) != OK) return -1;
    *x = event.x;
    *y = event.y;
    return nc_mouse_kind(event.bstate);
}
static inline int nc_wcwidth(wchar_t c) { return wcwidth(c); }

/// Puts one wide character with attributes and a colour pair number (pairs above 255 need setcchar).
static inline int nc_put_wch(int y, int x, wchar_t ch, attr_t attrs, short pair) {
    cchar_t cell;
    wchar_t text[2] = { ch, 0 };
    setcchar(&cell, text, attrs, pair, NULL);
    return mvadd_wch(y, x, &cell);
}

/// Puts one cell: a NUL-terminated spacing wide character plus up to four combining marks.
static inline int nc_put_cell(int y, int x, const wchar_t *text, attr_t attrs, short pair) {
    cchar_t cell;
    if (setcchar(&cell, text, attrs, pair, NULL) == ERR) return ERR;
    return mvadd_wch(y, x, &cell);
}
#endif
