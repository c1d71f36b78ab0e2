#ifndef INSIGHTFLOW_CNCURSES_SHIM_H
#define INSIGHTFLOW_CNCURSES_SHIM_H
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <langinfo.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>
#include <ncursesw/curses.h>

/* Swift 6 sees curses' mutable globals as not concurrency-safe; these accessors are the only way in. */
static inline WINDOW *insightflow_stdscr(void) { return stdscr; }
static inline int insightflow_lines(void) { return LINES; }
static inline int insightflow_cols(void) { return COLS; }
static inline int insightflow_colors(void) { return COLORS; }
static inline int insightflow_escdelay(void) { return ESCDELAY; }

/* True when the locale's character set is UTF-8 (call after setlocale). */
static inline int insightflow_locale_is_utf8(void) {
    const char *codeset = nl_langinfo(CODESET);
    return codeset != NULL && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0);
}

/* Ends curses mode once (safe to call again, e.g. from atexit after a normal shutdown). */
static inline void insightflow_restore_terminal(void) {
    if (stdscr != NULL && !isendwin()) endwin();
}

/* Restores the terminal and re-raises the signal with its default action (SIGINT, SIGTERM, crashes). */
static void insightflow_restore_and_reraise(int signal_number) {
    insightflow_restore_terminal();
    /* Leave bracketed paste mode and show the cursor, in case endwin could not. */
    const char reset[] = "\033[?2004l\033[?25h";
    (void)write(STDOUT_FILENO, reset, sizeof reset - 1);
    signal(signal_number, SIG_DFL);
    raise(signal_number);
}

/* Installs the restoring handler for termination and crash signals. */
static inline void insightflow_install_restore_handlers(void) {
    int signals[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGSEGV, SIGBUS, SIGABRT, SIGILL, SIGFPE, SIGTRAP };
    for (unsigned i = 0; i < sizeof signals / sizeof signals[0]; i++) signal(signals[i], insightflow_restore_and_reraise);
}

/* Writes one cell: a grapheme of up to 5 code points with attributes and a colour pair. */
static inline int insightflow_put_cell(int y, int x, const wchar_t *text, attr_t attributes, int pair) {
    cchar_t cell;
    if (setcchar(&cell, text, attributes, (short)0, &pair) != OK) return ERR;
    return mvwadd_wch(stdscr, y, x, &cell);
}

/* Reads one wide character or key code; returns OK, KEY_CODE_YES or ERR. */
static inline int insightflow_get_wch(wint_t *out) { return wget_wch(stdscr, out); }

/* The last mouse event: x, y and button state; returns OK or ERR. */
static inline int insightflow_mouse(int *x, int *y, unsigned long *buttons) {
    MEVENT event;
    if (getmouse(&event) != OK) return ERR;
    *x = event.x; *y = event.y; *buttons = (unsigned long)event.bstate;
    return OK;
}

static inline unsigned long insightflow_button1_clicked(void) { return (unsigned long)(BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON1_RELEASED); }
static inline unsigned long insightflow_button3_clicked(void) { return (unsigned long)(BUTTON3_CLICKED | BUTTON3_PRESSED); }
static inline unsigned long insightflow_button4_pressed(void) { return (unsigned long)BUTTON4_PRESSED; }
#ifdef BUTTON5_PRESSED
static inline unsigned long insightflow_button5_pressed(void) { return (unsigned long)BUTTON5_PRESSED; }
#else
static inline unsigned long insightflow_button5_pressed(void) { return 0; }
#endif
static inline int insightflow_enable_mouse(void) {
    return mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON3_CLICKED | BUTTON3_PRESSED | BUTTON4_PRESSED | insightflow_button5_pressed(), NULL) != 0;
}

static inline attr_t insightflow_attr_bold(void) { return A_BOLD; }
static inline attr_t insightflow_attr_dim(void) { return A_DIM; }
static inline attr_t insightflow_attr_underline(void) { return A_UNDERLINE; }
static inline attr_t insightflow_attr_reverse(void) { return A_REVERSE; }
static inline attr_t insightflow_attr_italic(void) { return A_ITALIC; }
#endif
