from collections import abc
import sys
print(abc.__name__, 'collections.abc' in sys.modules, sys.modules['collections'].abc is abc)
from collections.abc import Iterable as It
print(It is abc.Iterable)
import collections
print(collections.abc is abc)
try:
    from collections import nothing_here
except ImportError as e:
    print('ImportError', str(e).split(' (')[0])
