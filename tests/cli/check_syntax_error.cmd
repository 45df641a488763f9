# cpython: program_syntax_error.py
--check
program_syntax_error.py
