// Reading the REPL's lines: with libedit on a terminal (editing keys,
// history kept in a file, one entry per complete input), else plain reads
// from stdin with the prompt written to stderr, as CPython does when stdin
// or stdout is not a terminal.
#ifndef REPL_LINEREAD_H
#define REPL_LINEREAD_H
#include <stdbool.h>
#include <stddef.h>

typedef enum LrStatus {
    LR_LINE,        // *line holds a line, without its newline
    LR_EOF,         // Ctrl-D at an empty line, or the end of the input
    LR_INTERRUPT,   // Ctrl-C: the line is dropped
    LR_BLOCK,       // *line holds several lines pasted at once (bracketed paste,
                    // with what was typed before it): they run as one input
} LrStatus;

typedef struct LineReader LineReader;

// [history]: the history file for the editor (NULL: none). The editor is
// used when [edit] and stdin and stdout are terminals (and aiopy was built
// with libedit). Otherwise prompts go to stderr, or to stdout with
// [prompt_to_stdout] (CPython's asyncio REPL reads with input()).
LineReader *lr_open(bool edit, const char *history, bool prompt_to_stdout);
bool lr_is_terminal(const LineReader *lr);
// Shows [prompt] and reads a line into *line (malloc'd, the caller frees).
LrStatus lr_read(LineReader *lr, const char *prompt, char **line);
// Tab completion: the candidates for [word] (the text before the cursor
// from the last delimiter; dots belong to it) as a malloc'd NULL-terminated
// array of malloc'd strings, or NULL for none. A Tab with only blanks
// before the cursor inserts a tab, so blocks can be indented.
typedef char **(*LrCompleter)(void *ctx, const char *word);
void lr_set_completer(LineReader *lr, LrCompleter fn, void *ctx);
// While waiting for input, [fn] runs the program's event loop until fd 0 is
// readable; it returns false for a Ctrl-C that came meanwhile. Called before
// each wait (each key on a terminal), so it must return at once when there
// is nothing to run.
typedef bool (*LrIdle)(void *ctx);
void lr_set_idle(LineReader *lr, LrIdle fn, void *ctx);
// For output that arrives while the editor shows a prompt (from the event
// loop run by the idle function): lr_hide clears the prompt's line, once;
// lr_show draws the prompt and the text typed so far again after it.
// Nothing happens without the editor.
void lr_hide(LineReader *lr);
void lr_show(LineReader *lr);
// Adds a complete input (lines joined by newlines) to the history.
void lr_remember(LineReader *lr, const char *input);
// Writes the history file and restores the terminal.
void lr_close(LineReader *lr);

#endif // REPL_LINEREAD_H
