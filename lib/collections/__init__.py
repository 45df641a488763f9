# collections: deque (here until its C version lands) and the abc submodule
# (imported on demand).

__all__ = ['deque']


class deque:
    """deque([iterable[, maxlen]]) --> deque object

    A list-like sequence optimized for data accesses near its endpoints.
    (A list with a moving head: popleft is O(1) amortised.)
    """

    def __init__(self, iterable=(), maxlen=None):
        if maxlen is not None and maxlen < 0:
            raise ValueError('maxlen must be non-negative')
        self._items = []
        self._head = 0
        self._maxlen = maxlen
        for x in iterable:
            self.append(x)

    @property
    def maxlen(self):
        return self._maxlen

    def _compact(self):
        if self._head > 32 and self._head * 2 > len(self._items):
            del self._items[:self._head]
            self._head = 0

    def append(self, x):
        self._items.append(x)
        if self._maxlen is not None and len(self) > self._maxlen:
            self.popleft()

    def appendleft(self, x):
        if self._head:
            self._head -= 1
            self._items[self._head] = x
        else:
            self._items.insert(0, x)
        if self._maxlen is not None and len(self) > self._maxlen:
            self.pop()

    def pop(self):
        if not len(self):
            raise IndexError('pop from an empty deque')
        return self._items.pop()

    def popleft(self):
        if not len(self):
            raise IndexError('pop from an empty deque')
        x = self._items[self._head]
        self._items[self._head] = None
        self._head += 1
        if self._head == len(self._items):
            self._items.clear()
            self._head = 0
        else:
            self._compact()
        return x

    def extend(self, iterable):
        for x in iterable:
            self.append(x)

    def extendleft(self, iterable):
        for x in iterable:
            self.appendleft(x)

    def clear(self):
        self._items.clear()
        self._head = 0

    def remove(self, value):
        for i in range(self._head, len(self._items)):
            if self._items[i] == value:
                del self._items[i]
                return
        raise ValueError(f'{value!r} is not in deque')

    def count(self, value):
        return sum(1 for x in self if x == value)

    def index(self, value):
        for i, x in enumerate(self):
            if x == value:
                return i
        raise ValueError(f'{value!r} is not in deque')

    def rotate(self, n=1):
        items = list(self)
        if items:
            n %= len(items)
            items = items[-n:] + items[:-n]
        self._items = items
        self._head = 0

    def reverse(self):
        items = list(self)
        items.reverse()
        self._items = items
        self._head = 0

    def copy(self):
        return deque(self, self._maxlen)

    def __copy__(self):
        return self.copy()

    def __len__(self):
        return len(self._items) - self._head

    def __bool__(self):
        return len(self._items) > self._head

    def __iter__(self):
        for i in range(self._head, len(self._items)):
            yield self._items[i]

    def __reversed__(self):
        for i in range(len(self._items) - 1, self._head - 1, -1):
            yield self._items[i]

    def __contains__(self, value):
        return any(x is value or x == value for x in self)

    def __getitem__(self, i):
        n = len(self)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError('deque index out of range')
        return self._items[self._head + i]

    def __setitem__(self, i, v):
        n = len(self)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError('deque index out of range')
        self._items[self._head + i] = v

    def __eq__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return list(self) == list(other)

    def __repr__(self):
        items = ', '.join(repr(x) for x in self)
        if self._maxlen is None:
            return f'deque([{items}])'
        return f'deque([{items}], maxlen={self._maxlen})'
