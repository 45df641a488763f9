program_ok.py/
