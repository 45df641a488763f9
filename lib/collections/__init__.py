# collections: deque, the C type of _collections (src/runtime/deque.c), and
# the abc submodule (imported on demand).

__all__ = ['deque']

from _collections import deque
