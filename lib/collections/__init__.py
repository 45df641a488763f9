"""collections: container datatypes (CPython 3.11's module).

deque is the C type of _collections (src/runtime/deque.c); namedtuple,
Counter, OrderedDict, defaultdict, ChainMap, UserDict, UserList and
UserString are written here with CPython's semantics, reprs and messages.

How they are built differs where aiopy allows something simpler:
OrderedDict is a dict subclass with no linked list of its own (aiopy's
dicts keep insertion order; moving a key to the front rebuilds the dict);
defaultdict is a dict subclass written in Python; a namedtuple's fields
are properties (CPython: _tuplegetter). Pickling support (__reduce__) is
given where copy.copy needs it.
"""

__all__ = ['ChainMap', 'Counter', 'OrderedDict', 'UserDict', 'UserList',
           'UserString', 'defaultdict', 'deque', 'namedtuple']

import sys as _sys
from _collections import deque

_iskeyword = None


def _is_mapping(obj):
    # isinstance(obj, collections.abc.Mapping), importing the ABCs only
    # for objects that are not dicts (they cost more than this module).
    if not hasattr(obj, 'keys'):
        return False
    from collections.abc import Mapping
    return isinstance(obj, Mapping)


_LAZY = ('ChainMap', 'UserDict', 'UserList', 'UserString')


def __getattr__(name):
    # The classes built on collections.abc are made on first use, so that
    # importing collections does not import the ABCs.
    if name in _LAZY:
        from collections import _abc_based
        value = getattr(_abc_based, name)
    elif name == 'abc':
        import collections.abc as value
    else:
        raise AttributeError(f"module 'collections' has no attribute '{name}'")
    globals()[name] = value
    return value


def _recursion_guard(fillvalue):
    """A __repr__ decorator: '...' for an object already being shown."""
    def decorate(fn):
        running = set()

        def wrapper(self):
            key = id(self)
            if key in running:
                return fillvalue
            running.add(key)
            try:
                return fn(self)
            finally:
                running.discard(key)
        wrapper.__name__ = fn.__name__
        wrapper.__qualname__ = fn.__qualname__
        wrapper.__doc__ = fn.__doc__
        return wrapper
    return decorate


# ---- namedtuple ----

def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    """Returns a new subclass of tuple with named fields.

    >>> Point = namedtuple('Point', ['x', 'y'])
    >>> Point(11, y=22)
    Point(x=11, y=22)
    """
    global _iskeyword
    if _iskeyword is None:
        from keyword import iskeyword as _iskeyword

    if isinstance(field_names, str):
        field_names = field_names.replace(',', ' ').split()
    field_names = list(map(str, field_names))
    typename = _sys.intern(str(typename))

    if rename:
        seen = set()
        for index, name in enumerate(field_names):
            if (not name.isidentifier() or _iskeyword(name)
                    or name.startswith('_') or name in seen):
                field_names[index] = f'_{index}'
            seen.add(name)

    for name in [typename] + field_names:
        if type(name) is not str:
            raise TypeError('Type names and field names must be strings')
        if not name.isidentifier():
            raise ValueError('Type names and field names must be valid '
                             f'identifiers: {name!r}')
        if _iskeyword(name):
            raise ValueError('Type names and field names cannot be a '
                             f'keyword: {name!r}')

    seen = set()
    for name in field_names:
        if name.startswith('_') and not rename:
            raise ValueError('Field names cannot start with an underscore: '
                             f'{name!r}')
        if name in seen:
            raise ValueError(f'Encountered duplicate field name: {name!r}')
        seen.add(name)

    field_defaults = {}
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > len(field_names):
            raise TypeError('Got more default values than field names')
        field_defaults = dict(reversed(list(zip(reversed(field_names),
                                                reversed(defaults)))))

    field_names = tuple(map(_sys.intern, field_names))
    num_fields = len(field_names)
    arg_list = ', '.join(field_names)
    if num_fields == 1:
        arg_list += ','
    repr_fmt = '(' + ', '.join(f'{name}=%r' for name in field_names) + ')'
    tuple_new = tuple.__new__
    _dict, _tuple, _len, _map, _zip = dict, tuple, len, map, zip

    # __new__ is compiled from source so that it has the fields as its
    # parameters: keyword calls and the messages for a wrong call are
    # those of a plain function.
    namespace = {'_tuple_new': tuple_new, '__builtins__': {},
                 '__name__': f'namedtuple_{typename}'}
    __new__ = eval(f'lambda _cls, {arg_list}: _tuple_new(_cls, ({arg_list}))', namespace)
    __new__.__name__ = '__new__'
    __new__.__doc__ = f'Create new instance of {typename}({arg_list})'
    if defaults is not None:
        __new__.__defaults__ = defaults

    @classmethod
    def _make(cls, iterable):
        result = tuple_new(cls, iterable)
        if _len(result) != num_fields:
            raise TypeError(f'Expected {num_fields} arguments, got {len(result)}')
        return result

    _make.__func__.__doc__ = f'Make a new {typename} object from a sequence or iterable'

    def _replace(self, /, **kwds):
        result = self._make(_map(kwds.pop, field_names, self))
        if kwds:
            raise ValueError(f'Got unexpected field names: {list(kwds)!r}')
        return result

    _replace.__doc__ = (f'Return a new {typename} object replacing specified '
                        'fields with new values')

    def __repr__(self):
        'Return a nicely formatted representation string'
        return self.__class__.__name__ + repr_fmt % self

    def _asdict(self):
        'Return a new dict which maps field names to their values.'
        return _dict(_zip(self._fields, self))

    def __getnewargs__(self):
        'Return self as a plain tuple.  Used by copy and pickle.'
        return _tuple(self)

    for method in (__new__, _make.__func__, _replace, __repr__, _asdict, __getnewargs__):
        method.__qualname__ = f'{typename}.{method.__name__}'

    class_namespace = {
        '__doc__': f'{typename}({arg_list})',
        '__slots__': (),
        '_fields': field_names,
        '_field_defaults': field_defaults,
        '__new__': __new__,
        '_make': _make,
        '_replace': _replace,
        '__repr__': __repr__,
        '_asdict': _asdict,
        '__getnewargs__': __getnewargs__,
        '__match_args__': field_names,
    }
    for index, name in enumerate(field_names):
        doc = _sys.intern(f'Alias for field number {index}')
        class_namespace[name] = property(_field_getter(index), doc=doc)

    result = type(typename, (tuple,), class_namespace)

    # The class belongs to the caller's module (CPython reads it from
    # sys._getframe(1); aiopy's _aiopy.caller_globals is the same frame).
    if module is None:
        import _aiopy
        g = _aiopy.caller_globals(1)
        module = g.get('__name__', '__main__') if g is not None else None
    if module is not None:
        result.__module__ = module
    return result


def _field_getter(index):
    def getter(self):
        return self[index]
    return getter


# ---- Counter ----

class Counter(dict):
    """Dict subclass for counting hashable items: elements are keys,
    their counts the values (missing elements count 0)."""

    def __init__(self, iterable=None, /, **kwds):
        super().__init__()
        self.update(iterable, **kwds)

    def __missing__(self, key):
        'The count of elements not in the Counter is zero.'
        return 0

    def total(self):
        'Sum of the counts'
        return sum(self.values())

    def most_common(self, n=None):
        """List the n most common elements and their counts from the most
        common to the least (ties in first-seen order).  If n is None, then
        list all element counts."""
        items = sorted(self.items(), key=_second, reverse=True)
        if n is None:
            return items
        return items[:max(n, 0)]

    def elements(self):
        """Iterator over elements repeating each as many times as its count
        (elements with a count below one are left out)."""
        from itertools import chain, repeat, starmap
        return chain.from_iterable(starmap(repeat, self.items()))

    @classmethod
    def fromkeys(cls, iterable, v=None):
        raise NotImplementedError(
            'Counter.fromkeys() is undefined.  Use Counter(iterable) instead.')

    def update(self, iterable=None, /, **kwds):
        """Like dict.update() but add counts instead of replacing them.
        Source can be an iterable, a dictionary, or another Counter."""
        if iterable is not None:
            if isinstance(iterable, dict) or _is_mapping(iterable):
                if self:
                    self_get = self.get
                    for elem, count in iterable.items():
                        self[elem] = count + self_get(elem, 0)
                else:
                    # An empty counter takes the counts as they are.
                    dict.update(self, iterable)
            else:
                self_get = self.get
                for elem in iterable:
                    self[elem] = self_get(elem, 0) + 1
        if kwds:
            self.update(kwds)

    def subtract(self, iterable=None, /, **kwds):
        """Like dict.update() but subtracts counts instead of replacing them.
        Counts can be reduced below zero."""
        if iterable is not None:
            self_get = self.get
            if isinstance(iterable, dict) or _is_mapping(iterable):
                for elem, count in iterable.items():
                    self[elem] = self_get(elem, 0) - count
            else:
                for elem in iterable:
                    self[elem] = self_get(elem, 0) - 1
        if kwds:
            self.subtract(kwds)

    def copy(self):
        'Return a shallow copy.'
        return self.__class__(self)

    def __reduce__(self):
        return self.__class__, (dict(self),)

    def __delitem__(self, elem):
        'Like dict.__delitem__() but does not raise KeyError for missing values.'
        if elem in self:
            super().__delitem__(elem)

    def __repr__(self):
        if not self:
            return f'{self.__class__.__name__}()'
        try:
            # dict() keeps most_common()'s order.
            d = dict(self.most_common())
        except TypeError:
            # Counts that cannot be ordered.
            d = dict(self)
        return f'{self.__class__.__name__}({d!r})'

    # Comparisons treat missing elements as having zero counts.
    def __eq__(self, other):
        'True if all counts agree. Missing counts are treated as zero.'
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] == other[e] for c in (self, other) for e in c)

    def __ne__(self, other):
        'True if any counts disagree. Missing counts are treated as zero.'
        if not isinstance(other, Counter):
            return NotImplemented
        return not self == other

    def __le__(self, other):
        'True if all counts in self are a subset of those in other.'
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] <= other[e] for c in (self, other) for e in c)

    def __lt__(self, other):
        'True if all counts in self are a proper subset of those in other.'
        if not isinstance(other, Counter):
            return NotImplemented
        return self <= other and self != other

    def __ge__(self, other):
        'True if all counts in self are a superset of those in other.'
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] >= other[e] for c in (self, other) for e in c)

    def __gt__(self, other):
        'True if all counts in self are a proper superset of those in other.'
        if not isinstance(other, Counter):
            return NotImplemented
        return self >= other and self != other

    __hash__ = None

    # Arithmetic combines counts element by element (a missing one counts
    # as zero) and keeps only positive results: self's elements in order,
    # then those only [other] has.
    def _combined(self, other, combine, alone):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            n = combine(count, other[elem])
            if n > 0:
                result[elem] = n
        if alone is not None:
            for elem, count in other.items():
                if elem not in self:
                    n = alone(count)
                    if n > 0:
                        result[elem] = n
        return result

    def __add__(self, other):
        'Sum of counts; only positive ones kept.'
        return self._combined(other, _plus, _same)

    def __sub__(self, other):
        'Difference of counts; only positive ones kept.'
        return self._combined(other, _minus, _negated)

    def __or__(self, other):
        'Larger of the two counts; only positive ones kept.'
        return self._combined(other, _larger, _same)

    def __and__(self, other):
        'Smaller of the two counts; only positive ones kept.'
        return self._combined(other, _smaller_or_other, None)

    def __pos__(self):
        'The positive counts.'
        return self._combined(Counter(), _first, None)

    def __neg__(self):
        'The negative counts, made positive.'
        return Counter()._combined(self, None, _negated)

    # In-place forms: each count of [pairs] combined into self, then what
    # is not positive dropped.
    def _update_counts(self, pairs, combine):
        for elem, count in pairs:
            self[elem] = combine(self[elem], count)
        for elem in [e for e, c in self.items() if not c > 0]:
            del self[elem]
        return self

    def __iadd__(self, other):
        return self._update_counts(other.items(), _plus)

    def __isub__(self, other):
        return self._update_counts(other.items(), _minus)

    def __ior__(self, other):
        return self._update_counts(other.items(), _larger)

    def __iand__(self, other):
        return self._update_counts([(e, other[e]) for e in self], _smaller)


# Count combinations (the first argument is self's count).
def _plus(a, b):
    return a + b

def _minus(a, b):
    return a - b

def _larger(a, b):
    return b if b > a else a

def _smaller(a, b):
    return b if b < a else a

def _smaller_or_other(a, b):   # on a tie, CPython's & takes other's count
    return a if a < b else b

def _first(a, b):
    return a

def _same(a):
    return a

def _negated(a):
    return 0 - a

def _second(item):
    return item[1]


# ---- OrderedDict ----

_odict_marker = object()


class OrderedDict(dict):
    'Dictionary that remembers insertion order'

    def __init__(self, other=(), /, **kwds):
        '''Initialize an ordered dictionary.  The signature is the same as
        regular dictionaries.  Keyword argument order is preserved.'''
        self.update(other, **kwds)

    def update(self, other=(), /, **kwds):
        ''' D.update([E, ]**F) -> None.  Update D from mapping/iterable E and F.'''
        # MutableMapping.update's steps, through __setitem__, so a subclass
        # overriding it sees them (as with CPython's OrderedDict).
        if isinstance(other, dict) or _is_mapping(other):
            for key in other:
                self[key] = other[key]
        elif hasattr(other, 'keys'):
            for key in other.keys():
                self[key] = other[key]
        else:
            for key, value in other:
                self[key] = value
        for key, value in kwds.items():
            self[key] = value

    def popitem(self, last=True):
        '''Remove and return a (key, value) pair from the dictionary.

        Pairs are returned in LIFO order if last is true or FIFO order if false.'''
        if not self:
            raise KeyError('dictionary is empty')
        key = next(reversed(self) if last else iter(self))
        value = dict.pop(self, key)
        return key, value

    def move_to_end(self, key, last=True):
        '''Move an existing element to the end (or beginning if last is false).

        Raise KeyError if the element does not exist.'''
        value = dict.pop(self, key)   # KeyError(key) when missing
        if last:
            dict.__setitem__(self, key, value)
        else:
            # aiopy's dict only appends: rebuild it with key first.
            rest = list(dict.items(self))
            dict.clear(self)
            dict.__setitem__(self, key, value)
            for k, v in rest:
                dict.__setitem__(self, k, v)

    def pop(self, key, default=_odict_marker):
        '''od.pop(key[,default]) -> v, remove specified key and return the
        corresponding value.'''
        if default is _odict_marker:
            return dict.pop(self, key)
        return dict.pop(self, key, default)

    def setdefault(self, key, default=None):
        '''Insert key with a value of default if key is not in the dictionary.

        Return the value for key if key is in the dictionary, else default.'''
        if key in self:
            return self[key]
        self[key] = default
        return default

    def keys(self):
        "D.keys() -> a set-like object providing a view on D's keys"
        from collections._abc_based import odict_keys
        return odict_keys(self)

    def items(self):
        "D.items() -> a set-like object providing a view on D's items"
        from collections._abc_based import odict_items
        return odict_items(self)

    def values(self):
        "D.values() -> an object providing a view on D's values"
        from collections._abc_based import odict_values
        return odict_values(self)

    @_recursion_guard('...')
    def __repr__(self):
        'od.__repr__() <==> repr(od)'
        if not self:
            return f'{self.__class__.__name__}()'
        return f'{self.__class__.__name__}({list(dict.items(self))!r})'

    def __reduce__(self):
        'Return state information for pickling'
        state = getattr(self, '__dict__', None) or None
        return self.__class__, (), state, None, iter(dict.items(self))

    def copy(self):
        'od.copy() -> a shallow copy of od'
        return self.__class__(self)

    @classmethod
    def fromkeys(cls, iterable, value=None):
        '''Create a new ordered dictionary with keys from iterable and values set to value.'''
        self = cls()
        for key in iterable:
            self[key] = value
        return self

    def __eq__(self, other):
        '''od.__eq__(y) <==> od==y.  Comparison to another OD is order-sensitive
        while comparison to a regular mapping is order-insensitive.'''
        if isinstance(other, OrderedDict):
            return dict.__eq__(self, other) and all(
                a == b for a, b in zip(dict.keys(self), dict.keys(other)))
        return dict.__eq__(self, other)

    def __ne__(self, other):
        r = self.__eq__(other)
        return r if r is NotImplemented else not r

    __hash__ = None

    def __ior__(self, other):
        self.update(other)
        return self

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = self.__class__(self)
        new.update(other)
        return new

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = self.__class__(other)
        new.update(self)
        return new


# ---- defaultdict ----

_defaultdict_repr_running = set()


class defaultdict(dict):
    """defaultdict(default_factory=None, /, [...]) --> dict with default factory

    The default factory is called without arguments to produce
    a new value when a key is not present, in __getitem__ only.
    A defaultdict compares equal to a dict with the same items.
    All remaining arguments are treated the same as if they were
    passed to the dict constructor, including keyword arguments.
    """
    __slots__ = ('default_factory',)

    def __init__(self, default_factory=None, /, *args, **kwargs):
        if default_factory is not None and not callable(default_factory):
            raise TypeError('first argument must be callable or None')
        dict.__init__(self, *args, **kwargs)
        self.default_factory = default_factory

    def __missing__(self, key):
        """__missing__(key) # Called by __getitem__ for missing key; pseudo-code:
  if self.default_factory is None: raise KeyError((key,))
  self[key] = value = self.default_factory()
  return value
"""
        factory = self.default_factory
        if factory is None:
            raise KeyError(key)
        self[key] = value = factory()
        return value

    def __repr__(self):
        factory = self.default_factory
        if factory is None:
            frepr = 'None'
        else:
            key = id(factory)
            if key in _defaultdict_repr_running:
                frepr = '...'
            else:
                _defaultdict_repr_running.add(key)
                try:
                    frepr = repr(factory)
                finally:
                    _defaultdict_repr_running.discard(key)
        return f'{type(self).__name__}({frepr}, {dict.__repr__(self)})'

    def copy(self):
        """D.copy() -> a shallow copy of D."""
        return type(self)(self.default_factory, self)

    __copy__ = copy

    def __reduce__(self):
        factory = self.default_factory
        args = () if factory is None else (factory,)
        return type(self), args, None, None, iter(dict.items(self))

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = type(self)(self.default_factory, self)
        new.update(other)
        return new

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = type(self)(self.default_factory, other)
        new.update(self)
        return new

    __class_getitem__ = classmethod(type(list[int]))


