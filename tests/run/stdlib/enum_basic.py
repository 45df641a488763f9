# Enum basics: member reprs, str() and format(), lookup by value and name and
# their errors, iteration, aliases, __members__, name/value, membership,
# hashing, reassignment and deletion refused.
import enum
from enum import Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1
show(lambda: Color.RED)
show(lambda: str(Color.RED))
show(lambda: format(Color.RED))
show(lambda: f"{Color.RED}")
show(lambda: f"{Color.RED:>12}")
show(lambda: Color(1))
show(lambda: Color['GREEN'])
show(lambda: Color(7))
show(lambda: Color['PINK'])
show(lambda: list(Color))
show(lambda: len(Color))
show(lambda: Color.CRIMSON)
show(lambda: Color.CRIMSON is Color.RED)
show(lambda: Color.__members__)
show(lambda: list(Color.__members__))
show(lambda: (Color.RED.name, Color.RED.value))
show(lambda: Color)
show(lambda: type(Color))
show(lambda: Color.RED in Color)
show(lambda: isinstance(Color.RED, Color))
show(lambda: hash(Color.RED) == hash('RED'))
show(lambda: Color.RED == 1)
show(lambda: Color.RED < Color.GREEN)
def reassign(): Color.RED = 5
show(reassign)
def delete(): del Color.RED
show(delete)
show(lambda: list(reversed(Color)))
show(lambda: Color(Color.RED))
show(lambda: sorted(Color.__dict__.keys() & {'RED', '_member_map_', 'name'}))
