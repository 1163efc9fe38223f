#ifndef RECALL_CREADLINE_SHIM_H
#define RECALL_CREADLINE_SHIM_H
#include <stdio.h>
#include <readline/readline.h>
#include <readline/history.h>

/* Readline's globals are mutable C variables, which Swift 6 strict concurrency will not
   touch directly; these accessors are the one place they are read. */
static inline const char *recall_rl_library_version(void) { return rl_library_version; }
#endif
