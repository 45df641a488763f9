-x
program_first_line_junk.py
