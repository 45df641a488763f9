--
program_argv.py
-c
