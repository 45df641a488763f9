// Reverse incremental history search: see isearch.h.
#include "repl/isearch.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"

#if AIOPY_EDITLINE
#include <editline/readline.h>

enum { QUERY_MAX = 256 };

// The history entry [i] (0 = oldest), or NULL.
static const char *entry(int i) {
    HIST_ENTRY *h = history_get(history_base + i);
    return h ? h->line : NULL;
}

// The newest entry at or before [from] that contains [query], or -1.
static int find_back(const char *query, int from) {
    for (int i = from; i >= 0; i--) {
        const char *e = entry(i);
        if (e && strstr(e, query)) return i;
    }
    return -1;
}

static void draw(const char *query, const char *found, bool failed) {
    printf("\r\x1b[K(%sreverse-i-search)`%s': %s", failed ? "failed " : "", query, found ? found : "");
    fflush(stdout);
}

IsearchEnd isearch_run(IsearchKey next_key, const char **found_line, int *pushback) {
    *pushback = -1;
    *found_line = NULL;
    char query[QUERY_MAX + 1] = "";
    size_t qlen = 0;
    int at = history_length;   // past the newest: nothing found yet
    const char *found = NULL;
    bool failed = false;
    IsearchEnd end;
    draw(query, found, failed);
    for (;;) {
        int c = next_key();
        if (c == ISEARCH_EOF || c == ISEARCH_INTERRUPT) {
            *pushback = c;
            end = ISEARCH_STOPPED;
            break;
        }
        if (c == 18) {   // Ctrl-R again: the next older match
            int i = qlen ? find_back(query, at - 1) : -1;
            if (i >= 0) {
                at = i;
                found = entry(i);
                failed = false;
            } else if (qlen) {
                failed = true;
            }
        } else if (c == 7) {   // Ctrl-G: give up, the line as it was
            end = ISEARCH_CANCELLED;
            break;
        } else if (c == '\r' || c == '\n') {
            end = ISEARCH_RUN;
            break;
        } else if (c == 127 || c == 8) {   // Backspace: a shorter query, searched from the newest
            if (qlen) query[--qlen] = '\0';
            at = history_length;
            int i = qlen ? find_back(query, at - 1) : -1;
            found = i >= 0 ? entry(i) : NULL;
            at = i >= 0 ? i : history_length;
            failed = qlen && i < 0;
        } else if (c >= 32 || c == '\t') {
            if (qlen < QUERY_MAX) {
                query[qlen++] = (char)c;
                query[qlen] = '\0';
            }
            // The current match may still contain the longer query.
            int i = find_back(query, at < history_length ? at : history_length - 1);
            if (i >= 0) {
                at = i;
                found = entry(i);
                failed = false;
            } else {
                failed = true;
            }
        } else {   // any other key ends the search and is the editor's
            *pushback = c;
            end = ISEARCH_KEEP;
            break;
        }
        draw(query, found, failed);
    }
    printf("\r\x1b[K");
    fflush(stdout);
    if (end != ISEARCH_CANCELLED) *found_line = found;
    return end;
}
#endif
