// Ctrl-R at the terminal prompt: readline's reverse incremental search
// through the history, drawn as GNU readline draws it
// ("(reverse-i-search)`abc': matching line"). libedit has a search of its
// own, but it does not survive the callback interface the REPL reads keys
// through, so aiopy runs this one between keys.
#ifndef REPL_ISEARCH_H
#define REPL_ISEARCH_H

enum { ISEARCH_EOF = -1, ISEARCH_INTERRUPT = -2 };

// The next key typed (a byte), or ISEARCH_EOF / ISEARCH_INTERRUPT.
typedef int (*IsearchKey)(void);

typedef enum IsearchEnd {
    ISEARCH_KEEP,        // the found line becomes the line edited; editing goes on
    ISEARCH_RUN,         // ... and Enter was pressed: submit it
    ISEARCH_CANCELLED,   // Ctrl-G: the line as it was before
    ISEARCH_STOPPED,     // Ctrl-C or the end of the input
} IsearchEnd;

// Runs the search from the newest history entry, reading keys with
// [next_key] and drawing on the prompt's line (cleared at the end: the
// caller draws the prompt again). *found_line is the entry found (NULL:
// none; it belongs to the history). A key that ends the search without
// being its own (an arrow, Ctrl-A, ...) is left in *pushback for the editor
// (else -1); when stopped, *pushback says why (ISEARCH_EOF or
// ISEARCH_INTERRUPT).
IsearchEnd isearch_run(IsearchKey next_key, const char **found_line, int *pushback);

#endif // REPL_ISEARCH_H
