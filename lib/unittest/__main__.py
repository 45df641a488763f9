# `aiopy -m unittest ...`: runs TestProgram on the command line, with the
# program named "aiopy -m unittest" (CPython: "python3 -m unittest") in its
# usage and help texts.
import sys

__unittest = True

_exe = getattr(sys, 'executable', '') or 'aiopy'
sys.argv[0] = _exe[_exe.rfind('/') + 1:] + " -m unittest"
del _exe

from unittest.main import main

main(module=None)
