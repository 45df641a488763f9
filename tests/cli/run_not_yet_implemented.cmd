# aiopy-specific: the VM does not exist yet (replace with CPython output when it does)
program_ok.py
