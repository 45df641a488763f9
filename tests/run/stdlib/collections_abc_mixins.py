# collections.abc's collection ABCs: the builtins registered with them, and
# the mixin methods a class gets by defining the abstract ones (Sequence,
# MutableSequence, Mapping, MutableMapping, Set, MutableSet, the views).
from collections.abc import (Set, MutableSet, Mapping, MutableMapping, Sequence,
                             MutableSequence, KeysView, ItemsView, ValuesView, MappingView,
                             ByteString, Sized, Iterable, Container, Collection, Reversible)

print([isinstance(x, Sequence) for x in ([], (), '', range(1), b'', {}, set())])
print([isinstance(x, MutableSequence) for x in ([], (), '')],
      [isinstance(x, Mapping) for x in ({}, [], {}.keys())],
      [isinstance(x, MutableMapping) for x in ({}, ())],
      [isinstance(x, Set) for x in (set(), frozenset(), {}.keys(), {}.items(), {}.values(), [])],
      [isinstance(x, MutableSet) for x in (set(), frozenset())],
      isinstance({}.keys(), KeysView), isinstance({}.items(), ItemsView),
      isinstance({}.values(), ValuesView), isinstance(b'', ByteString), isinstance('', ByteString))
print(issubclass(list, Reversible), issubclass(dict, Collection), issubclass(Sequence, Sized),
      issubclass(MutableMapping, Container), issubclass(KeysView, MappingView))


class Seq(Sequence):
    def __init__(self, *items):
        self.items = list(items)

    def __getitem__(self, i):
        return self.items[i]

    def __len__(self):
        return len(self.items)


s = Seq(1, 2, 3, 2)
print(list(s), 2 in s, 9 in s, list(reversed(s)), s.index(2), s.index(2, 2), s.count(2), len(s))
try:
    s.index(9)
except ValueError as e:
    print(type(e).__name__, repr(e))


class MSeq(MutableSequence):
    def __init__(self):
        self.items = []

    def __getitem__(self, i):
        return self.items[i]

    def __setitem__(self, i, v):
        self.items[i] = v

    def __delitem__(self, i):
        del self.items[i]

    def __len__(self):
        return len(self.items)

    def insert(self, i, v):
        self.items.insert(i, v)


m = MSeq()
m.append(1)
m.extend([2, 3])
m += [4]
m.reverse()
print(m.items, m.pop(), m.pop(0), m.items)
m.remove(2)
print(m.items)
m.clear()
print(m.items)


class Map(Mapping):
    def __init__(self, **kw):
        self.d = kw

    def __getitem__(self, k):
        return self.d[k]

    def __iter__(self):
        return iter(self.d)

    def __len__(self):
        return len(self.d)


mp = Map(a=1, b=2)
print(mp.get('a'), mp.get('z', 0), 'a' in mp, list(mp.keys()), list(mp.items()), list(mp.values()),
      mp == {'a': 1, 'b': 2}, mp.keys() & {'a'}, mp.items() | {('c', 3)} == {('a', 1), ('b', 2), ('c', 3)})
print(repr(mp.keys()).startswith('KeysView('), ('a', 1) in mp.items(), 2 in mp.values(), len(mp.values()))


class MMap(MutableMapping):
    def __init__(self):
        self.d = {}

    def __getitem__(self, k):
        return self.d[k]

    def __setitem__(self, k, v):
        self.d[k] = v

    def __delitem__(self, k):
        del self.d[k]

    def __iter__(self):
        return iter(self.d)

    def __len__(self):
        return len(self.d)


mm = MMap()
mm.update({'a': 1}, b=2)
mm.update([('c', 3)])
print(mm.d, mm.setdefault('a', 9), mm.setdefault('z', 26), mm.pop('b'), mm.pop('q', None), mm.popitem(), mm.d)
try:
    mm.pop('q')
except KeyError as e:
    print(type(e).__name__, e)
mm.clear()
print(mm.d)


class ListSet(MutableSet):
    def __init__(self, it=()):
        self.items = []
        for x in it:
            self.add(x)

    def __contains__(self, x):
        return x in self.items

    def __iter__(self):
        return iter(self.items)

    def __len__(self):
        return len(self.items)

    def add(self, x):
        if x not in self.items:
            self.items.append(x)

    def discard(self, x):
        if x in self.items:
            self.items.remove(x)


a, b = ListSet('abc'), ListSet('bcd')
print((a & b).items, (a | b).items, (a - b).items, (a ^ b).items, a <= ListSet('abcd'), a < a, a == ListSet('cba'),
      a.isdisjoint('xyz'), ('x' in a), a >= ListSet('a'), a > ListSet('ab'), a._hash() == frozenset('abc').__hash__())
a |= 'z'
a -= 'b'
a ^= ['c', 'q']
print(a.items, a.pop(), a.items)
a.remove('z')
try:
    a.remove('nope')
except KeyError as e:
    print(type(e).__name__, e)
a.clear()
print(a.items, len(a))
try:
    Sequence()
except TypeError as e:
    print(type(e).__name__, e)
