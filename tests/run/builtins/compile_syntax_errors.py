# SyntaxError attributes for source compiled at run time: the text keeps
# its line's newline (exec mode adds one to the last line), compiler errors
# in a string have no text, and "invalid syntax" at the very end of an
# expression that does not end its line has no column.
CASES = ["(1 +", "1 +", "[1,", "1 2", "x y z", "f(", "1 +  ", "\t1 +", "(1 +\n",
         "if", "lambda:", "1 if 2", "a b\n", "return 5", "x = (1,", "1 +\n", "a\n  b",
         "def f():\n    nonlocal q\n", "for x in 1:\nbreak", "del f()"]
for src in CASES:
    for mode in ("eval", "exec"):
        try:
            compile(src, "<s>", mode)
            print(mode, repr(src), "ok")
        except SyntaxError as e:
            print(mode, repr(src), type(e).__name__, repr(e.msg), e.lineno, e.offset,
                  e.end_lineno, e.end_offset, repr(e.text))
