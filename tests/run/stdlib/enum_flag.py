# Flag and IntFlag: combination reprs (<Perm.R|W: 6>), STRICT and KEEP
# boundaries, ~, &, iteration and len of combinations.
import enum
from enum import Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

class Perm(Flag):
    R = 4
    W = 2
    X = 1
show(lambda: Perm.R | Perm.W)
show(lambda: str(Perm.R | Perm.W))
show(lambda: Perm(6))
show(lambda: Perm(0))
show(lambda: Perm(8))
show(lambda: ~Perm.R)
show(lambda: Perm.R & Perm.W)
show(lambda: list(Perm.R | Perm.X))
show(lambda: len(Perm.R | Perm.X))
show(lambda: Perm.R in (Perm.R | Perm.W))
show(lambda: bool(Perm(0)))
show(lambda: Perm)
show(lambda: list(Perm))
class IP(IntFlag):
    R = 4
    W = 2
    X = 1
show(lambda: IP.R | IP.W)
show(lambda: str(IP.R | IP.W))
show(lambda: IP.R | 8)
show(lambda: IP(9))
show(lambda: IP.R + 1)
show(lambda: ~IP.R)
show(lambda: format(IP.R | IP.W))
