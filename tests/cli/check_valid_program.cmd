# aiopy-specific: --check prints nothing for a valid program
--check
program_ok.py
