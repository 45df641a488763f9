try:
    import collections.nothere
except ImportError as e:
    print(type(e).__name__, e, e.name)
try:
    import math.sub
except ImportError as e:
    print(type(e).__name__, e, e.name)
import sys, math
print('math' in sys.modules, sys.modules['math'] is math)
import collections.abc as cabc
print(cabc.__name__)
from collections import abc
print(abc is cabc)
