# aiopy-specific: --dis prints aiopy bytecode (no CPython equivalent); the layout follows python3 -m dis
--dis
dis_program.py
