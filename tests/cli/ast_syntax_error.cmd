# cpython: program_syntax_error.py
--ast
program_syntax_error.py
