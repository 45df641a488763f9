-u
-E
program_argv.py

