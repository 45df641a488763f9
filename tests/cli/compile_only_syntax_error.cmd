# cpython: program_syntax_error.py
-X
compile_only
program_syntax_error.py
