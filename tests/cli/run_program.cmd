program_ok.py
