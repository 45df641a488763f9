# IntEnum and StrEnum (3.11: str() and format() are the value's), with
# auto() for StrEnum and its type checks.
import enum
from enum import Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

class Num(IntEnum):
    ONE = 1
    TWO = 2
show(lambda: Num.ONE)
show(lambda: str(Num.ONE))
show(lambda: format(Num.ONE))
show(lambda: f"{Num.TWO:03d}")
show(lambda: Num.ONE + 1)
show(lambda: Num.ONE == 1)
show(lambda: Num(2))
show(lambda: isinstance(Num.ONE, int))
show(lambda: sorted([Num.TWO, Num.ONE]))
show(lambda: hash(Num.ONE) == hash(1))
show(lambda: Num.ONE.real)
class S(StrEnum):
    A = auto()
    B = 'bee'
show(lambda: S.A)
show(lambda: str(S.A))
show(lambda: S.B + '!')
show(lambda: S('bee'))
show(lambda: format(S.B))
def bad_s():
    class S2(StrEnum):
        X = 1
show(bad_s)
