# -E: PYTHONPATH is ignored.
# env: PYTHONPATH=pp_dir
-E
-c
import pp_mod
