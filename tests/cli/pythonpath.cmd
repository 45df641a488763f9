# PYTHONPATH directories go into sys.path after its first entry.
# env: PYTHONPATH=pp_dir
-c
import sys, pp_mod; print(pp_mod.WHERE, sys.path[1])
