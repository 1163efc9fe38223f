#ifndef RECALL_CREADLINE_SHIM_H
#define RECALL_CREADLINE_SHIM_H
#include <stdio.h>
#include <signal.h>
#include <string.h>
#include <sys/ioctl.h>
#include <readline/readline.h>
#include <readline/history.h>

/* Readline's globals are mutable C variables, which Swift 6 strict concurrency will not
   touch directly; these accessors are the one place they are read and written. Readline
   itself is single-threaded, and recall only calls it from the thread that reads input. */

static inline const char *recall_rl_library_version(void) { return rl_library_version; }

/* The text of the line being edited (valid during completion). */
static inline const char *recall_rl_line_buffer(void) { return rl_line_buffer; }

/* Whether readline installs its own signal handlers (recall installs its own for SIGINT). */
static inline void recall_rl_set_catch_signals(int value) {
    rl_catch_signals = value;
    rl_catch_sigwinch = 1;
}

/* Makes readline use `function` for tab completion, and nothing else (no file names). */
static inline void recall_rl_set_completion_function(rl_completion_func_t *function) {
    rl_attempted_completion_function = function;
}

/* Tells readline not to fall back to file-name completion for this attempt. */
static inline void recall_rl_set_attempted_completion_over(int value) { rl_attempted_completion_over = value; }

/* The name readline uses for conditional parsing of inputrc ("$if recall"). */
static inline void recall_rl_set_readline_name(const char *name) { rl_readline_name = name; }

/* Forgets the line being edited, after Ctrl-C: the next prompt starts empty. */
static inline void recall_rl_discard_line(void) {
    rl_free_line_state();
    rl_callback_sigcleanup();
    rl_replace_line("", 0);
    rl_point = 0;
    rl_end = 0;
    rl_mark = 0;
}

/* Moves the cursor to the end of the line being edited and shows it. */
static inline void recall_rl_move_to_end(void) {
    rl_point = rl_end;
    rl_redisplay();
}

/* Ctrl-C.

   recall turns SIGINT into a flag that the input loop polls: the handler only stores to a
   volatile sig_atomic_t, which is async-signal-safe. The flag lives in a function-local
   static of a `static inline` function, so every object file that calls these functions gets
   its own copy: Swift code must call them from ONE Swift file only
   (Sources/Terminal/InterruptSignal.swift). */

static inline volatile sig_atomic_t *recall_interrupt_flag(void) {
    static volatile sig_atomic_t flag = 0;
    return &flag;
}

static inline void recall_sigint_handler(int signal_number) {
    (void)signal_number;
    *recall_interrupt_flag() = 1;
}

/* Installs the handler without SA_RESTART, so a blocking poll() or read() returns EINTR.
   Ctrl-\\ (SIGQUIT) gets the same handler: at a prompt or in a session it does what Ctrl-C
   does, instead of the Swift runtime's crash report. */
static inline int recall_install_sigint_handler(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = recall_sigint_handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    if (sigaction(SIGQUIT, &action, NULL) != 0) return -1;
    return sigaction(SIGINT, &action, NULL);
}

/* Returns whether Ctrl-C was pressed and not yet taken. */
static inline int recall_interrupt_pending(void) { return *recall_interrupt_flag() != 0; }

/* Returns whether Ctrl-C was pressed since the last call, and clears the flag. */
static inline int recall_take_interrupt(void) {
    int was = *recall_interrupt_flag() != 0;
    *recall_interrupt_flag() = 0;
    return was;
}

/* Ctrl-Z then `fg`: the shell gives the terminal back in its own (cooked) mode, so after
   SIGCONT readline must set its mode again and redraw the line. SIGCONT sets a flag, like
   SIGINT (same single-file rule). */

static inline volatile sig_atomic_t *recall_continued_flag(void) {
    static volatile sig_atomic_t flag = 0;
    return &flag;
}

static inline void recall_sigcont_handler(int signal_number) {
    (void)signal_number;
    *recall_continued_flag() = 1;
}

static inline int recall_install_sigcont_handler(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = recall_sigcont_handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    return sigaction(SIGCONT, &action, NULL);
}

static inline int recall_take_continued(void) {
    int was = *recall_continued_flag() != 0;
    *recall_continued_flag() = 0;
    return was;
}

/* Puts the terminal back in readline's mode and redraws the prompt and the line. */
static inline void recall_rl_resume(void) {
    rl_deprep_terminal();
    rl_prep_terminal(1);
    rl_forced_update_display();
}

/* The number of columns of the terminal on `fd`, or 0 when it is not a terminal. */
static inline int recall_terminal_columns(int fd) {
    struct winsize size;
    if (ioctl(fd, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
    return 0;
}

#endif
