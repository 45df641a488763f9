program_argv.py
a
-Z
--foo
