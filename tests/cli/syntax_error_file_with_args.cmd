program_syntax_error.py
-Z
--foo
arg
