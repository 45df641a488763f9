"""itertools: iterator building blocks (CPython 3.11's module).

Every 3.11 iterator: count, cycle, repeat, accumulate, chain (and
chain.from_iterable), compress, dropwhile, filterfalse, groupby, islice,
pairwise, starmap, takewhile, tee, zip_longest, product, permutations,
combinations and combinations_with_replacement. Each is a class named as
CPython's C type (itertools.count, ...), lazy as CPython's: it reads its
input only as far as asked (product and the combinatoric ones take
their whole input first, as CPython does). The argument checks and their
messages are CPython's. As CPython's C module, it has no __all__. Left
out: pickling (__reduce__/__setstate__, deprecated in CPython 3.12).
"""

_MISSING = object()
_SSIZE_MAX = 9223372036854775807


def _no_kwargs(name, kwargs):
    if kwargs:
        raise TypeError(f'{name}() takes no keyword arguments')


def _exact_args(name, args, n):
    # Argument Clinic's message for positional-only parameters.
    if len(args) != n:
        s = '' if n == 1 else 's'
        raise TypeError(f'{name} expected {n} argument{s}, got {len(args)}')


def _index(v, what=None):
    # A C Py_ssize_t argument: ints and objects with __index__.
    if isinstance(v, int):
        return v
    m = getattr(type(v), '__index__', None)
    if m is None:
        raise TypeError(what or f"'{type(v).__name__}' object cannot be interpreted as an integer")
    return m(v)


def _parse(name, args, kwargs, names, required):
    """CPython's keyword-capable argument parsing for a C function with
    parameters [names], the first [required] of them required; returns the
    values, _MISSING for those not given."""
    if len(args) > len(names):
        raise TypeError(f'{name}() takes at most {len(names)} argument'
                        f'{"" if len(names) == 1 else "s"} ({len(args) + len(kwargs)} given)')
    values = list(args) + [_MISSING] * (len(names) - len(args))
    for k, v in kwargs.items():
        if k not in names:
            raise TypeError(f"'{k}' is an invalid keyword argument for {name}()")
        i = names.index(k)
        if i < len(args):
            raise TypeError(f"argument for {name}() given by name ('{k}') and position ({i + 1})")
        values[i] = v
    for i in range(required):
        if values[i] is _MISSING:
            raise TypeError(f"{name}() missing required argument '{names[i]}' (pos {i + 1})")
    return values


def _is_number(v):
    # PyNumber_Check: int, float, complex or anything with a numeric dunder.
    if isinstance(v, (int, float)):
        return True
    t = type(v)
    return (hasattr(t, '__index__') or hasattr(t, '__int__') or hasattr(t, '__float__')
            or hasattr(t, '__complex__'))


def _type_name(self):
    cls = type(self)
    return cls.__name__


# ---- infinite iterators ----

class count:
    """Return a count object whose .__next__() method returns consecutive values.

    Equivalent to:
        def count(firstval=0, step=1):
            x = firstval
            while 1:
                yield x
                x += step"""
    __slots__ = ('_cnt', '_step')

    def __new__(cls, *args, **kwargs):
        start, step = _parse('count', args, kwargs, ('start', 'step'), 0)
        if start is _MISSING:
            start = 0
        if step is _MISSING:
            step = 1
        if not _is_number(start) or not _is_number(step):
            raise TypeError('a number is required')
        if (isinstance(start, int) and isinstance(step, int) and step == 1
                and -_SSIZE_MAX - 1 <= start <= _SSIZE_MAX):
            # CPython's "fast mode" counts in plain ints (count(True) gives 1, 2, ...).
            start, step = int(start), 1
        self = object.__new__(cls)
        self._cnt = start
        self._step = step
        return self

    def __iter__(self):
        return self

    def __next__(self):
        cnt = self._cnt
        self._cnt = cnt + self._step
        return cnt

    def __repr__(self):
        step = self._step
        if isinstance(step, int) and step == 1:
            return f'{_type_name(self)}({self._cnt!r})'
        return f'{_type_name(self)}({self._cnt!r}, {step!r})'


class cycle:
    """Return elements from the iterable until it is exhausted. Then repeat the sequence indefinitely."""
    __slots__ = ('_it', '_saved', '_index', '_firstpass')

    def __new__(cls, *args, **kwargs):
        if cls is cycle:
            _no_kwargs('cycle', kwargs)
        _exact_args('cycle', args, 1)
        self = object.__new__(cls)
        self._it = iter(args[0])
        self._saved = []
        self._index = 0
        self._firstpass = True
        return self

    def __iter__(self):
        return self

    def __next__(self):
        if self._firstpass:
            for item in self._it:
                self._saved.append(item)
                return item
            self._firstpass = False
        saved = self._saved
        if not saved:
            raise StopIteration
        i = self._index
        item = saved[i]
        i += 1
        self._index = 0 if i >= len(saved) else i
        return item


class repeat:
    """repeat(object [,times]) -> create an iterator which returns the object
    for the specified number of times.  If not specified, returns the object
    endlessly."""
    __slots__ = ('_element', '_cnt')

    def __new__(cls, *args, **kwargs):
        element, times = _parse('repeat', args, kwargs, ('object', 'times'), 1)
        self = object.__new__(cls)
        self._element = element
        if times is _MISSING:
            self._cnt = -1
        else:
            self._cnt = max(_index(times), 0)
        return self

    def __iter__(self):
        return self

    def __next__(self):
        cnt = self._cnt
        if cnt == 0:
            raise StopIteration
        if cnt > 0:
            self._cnt = cnt - 1
        return self._element

    def __length_hint__(self):
        if self._cnt == -1:
            raise TypeError('len() of unsized object')
        return self._cnt

    def __repr__(self):
        if self._cnt == -1:
            return f'{_type_name(self)}({self._element!r})'
        return f'{_type_name(self)}({self._element!r}, {self._cnt})'


# ---- iterators terminating on the shortest input ----

class accumulate:
    """Return series of accumulated sums (or other binary function results)."""
    __slots__ = ('_it', '_func', '_total', '_initial')

    def __new__(cls, *args, **kwargs):
        initial = kwargs.pop('initial', None) if 'initial' in kwargs else None
        iterable, func = _parse('accumulate', args, kwargs, ('iterable', 'func'), 1)
        self = object.__new__(cls)
        self._it = iter(iterable)
        self._func = None if func is _MISSING else func
        self._total = _MISSING
        self._initial = initial
        return self

    def __iter__(self):
        return self

    def __next__(self):
        if self._initial is not None:
            self._total = self._initial
            self._initial = None
            return self._total
        val = next(self._it)
        total = self._total
        if total is _MISSING:
            total = val
        elif self._func is None:
            total = total + val
        else:
            total = self._func(total, val)
        self._total = total
        return total


class chain:
    """Return a chain object whose .__next__() method returns elements from the
    first iterable until it is exhausted, then elements from the next
    iterable, until all of the iterables are exhausted."""
    __slots__ = ('_source', '_active')

    def __new__(cls, *args, **kwargs):
        if cls is chain:
            _no_kwargs('chain', kwargs)
        self = object.__new__(cls)
        self._source = iter(args)
        self._active = None
        return self

    @classmethod
    def from_iterable(cls, iterable):
        """Alternative chain() constructor taking a single iterable argument
        that evaluates lazily."""
        self = object.__new__(cls)
        self._source = iter(iterable)
        self._active = None
        return self

    def __iter__(self):
        return self

    def __next__(self):
        while self._source is not None:
            if self._active is None:
                try:
                    iterable = next(self._source)
                except StopIteration:
                    self._source = None
                    raise
                try:
                    self._active = iter(iterable)
                except BaseException:
                    self._source = None
                    raise
            for item in self._active:
                return item
            self._active = None
        raise StopIteration

    __class_getitem__ = classmethod(type(list[int]))


class compress:
    """Return data elements corresponding to true selector elements.

    Forms a shorter iterator from selected data elements using the selectors to
    choose the data elements."""
    __slots__ = ('_data', '_selectors')

    def __new__(cls, *args, **kwargs):
        data, selectors = _parse('compress', args, kwargs, ('data', 'selectors'), 2)
        self = object.__new__(cls)
        self._data = iter(data)
        self._selectors = iter(selectors)
        return self

    def __iter__(self):
        return self

    def __next__(self):
        data = self._data
        selectors = self._selectors
        while True:
            datum = next(data)
            if next(selectors):
                return datum


class dropwhile:
    """Drop items from the iterable while predicate(item) is true.

    Afterwards, return every element until the iterable is exhausted."""
    __slots__ = ('_pred', '_it', '_start')

    def __new__(cls, *args, **kwargs):
        if cls is dropwhile:
            _no_kwargs('dropwhile', kwargs)
        _exact_args('dropwhile', args, 2)
        self = object.__new__(cls)
        self._pred = args[0]
        self._it = iter(args[1])
        self._start = False
        return self

    def __iter__(self):
        return self

    def __next__(self):
        it = self._it
        while True:
            item = next(it)
            if self._start:
                return item
            if not self._pred(item):
                self._start = True
                return item


class takewhile:
    """Return successive entries from an iterable as long as the predicate evaluates to true for each entry."""
    __slots__ = ('_pred', '_it', '_stop')

    def __new__(cls, *args, **kwargs):
        if cls is takewhile:
            _no_kwargs('takewhile', kwargs)
        _exact_args('takewhile', args, 2)
        self = object.__new__(cls)
        self._pred = args[0]
        self._it = iter(args[1])
        self._stop = False
        return self

    def __iter__(self):
        return self

    def __next__(self):
        if self._stop:
            raise StopIteration
        item = next(self._it)
        if self._pred(item):
            return item
        self._stop = True
        raise StopIteration


class filterfalse:
    """Return those items of iterable for which function(item) is false.

    If function is None, return the items that are false."""
    __slots__ = ('_func', '_it')

    def __new__(cls, *args, **kwargs):
        if cls is filterfalse:
            _no_kwargs('filterfalse', kwargs)
        _exact_args('filterfalse', args, 2)
        self = object.__new__(cls)
        func = args[0]
        self._func = None if func is None or func is bool else func
        self._it = iter(args[1])
        return self

    def __iter__(self):
        return self

    def __next__(self):
        func = self._func
        it = self._it
        while True:
            item = next(it)
            if not (item if func is None else func(item)):
                return item


class starmap:
    """Return an iterator whose values are returned from the function evaluated with an argument tuple taken from the given sequence."""
    __slots__ = ('_func', '_it')

    def __new__(cls, *args, **kwargs):
        if cls is starmap:
            _no_kwargs('starmap', kwargs)
        _exact_args('starmap', args, 2)
        self = object.__new__(cls)
        self._func = args[0]
        self._it = iter(args[1])
        return self

    def __iter__(self):
        return self

    def __next__(self):
        args = next(self._it)
        if type(args) is not tuple:
            args = tuple(args)
        return self._func(*args)


class islice:
    """islice(iterable, stop) --> islice object
    islice(iterable, start, stop[, step]) --> islice object

    Return an iterator whose next() method returns selected values from an
    iterable.  If start is specified, will skip all preceding elements;
    otherwise, start defaults to zero.  Step defaults to one.  If
    specified as another value, step determines how many values are
    skipped between successive calls.  Works like a slice() on a list
    but returns an iterator."""
    __slots__ = ('_it', '_next', '_stop', '_step', '_cnt')

    def __new__(cls, *args, **kwargs):
        if cls is islice:
            _no_kwargs('islice', kwargs)
        n = len(args)
        if n < 2:
            raise TypeError(f'islice expected at least 2 arguments, got {n}')
        if n > 4:
            raise TypeError(f'islice expected at most 4 arguments, got {n}')
        stop_msg = ('Stop argument for islice() must be None or an integer: '
                    '0 <= x <= sys.maxsize.')
        start, stop, step = 0, -1, 1
        if n == 2:
            if args[1] is not None:
                stop = cls._ssize(args[1], stop_msg)
        else:
            if args[1] is not None:
                start = cls._ssize(args[1], None)
            if args[2] is not None:
                stop = cls._ssize(args[2], stop_msg)
        if start < 0 or stop < -1:
            raise ValueError('Indices for islice() must be None or an integer: '
                             '0 <= x <= sys.maxsize.')
        if n == 4 and args[3] is not None:
            step = cls._ssize(args[3], None)
        if step < 1:
            raise ValueError('Step for islice() must be a positive integer or None.')
        self = object.__new__(cls)
        self._it = iter(args[0])
        self._next = start
        self._stop = stop
        self._step = step
        self._cnt = 0
        return self

    @staticmethod
    def _ssize(v, msg):
        # CPython: an invalid value reads as -1, which the checks reject.
        try:
            v = _index(v)
        except TypeError:
            v = -1
        if v == -1 and msg:
            raise ValueError(msg)
        return v

    def __iter__(self):
        return self

    def __next__(self):
        it = self._it
        if it is None:
            raise StopIteration
        stop = self._stop
        try:
            while self._cnt < self._next:
                next(it)
                self._cnt += 1
            if stop != -1 and self._cnt >= stop:
                raise StopIteration
            item = next(it)
        except StopIteration:
            self._it = None
            raise
        self._cnt += 1
        nxt = self._next + self._step
        if stop != -1 and nxt > stop:
            nxt = stop
        self._next = nxt
        return item


class pairwise:
    """Return an iterator of overlapping pairs taken from the input iterator.

        s -> (s0,s1), (s1,s2), (s2, s3), ..."""
    __slots__ = ('_it', '_old')

    def __new__(cls, *args, **kwargs):
        if cls is pairwise:
            _no_kwargs('pairwise', kwargs)
        _exact_args('pairwise', args, 1)
        self = object.__new__(cls)
        self._it = iter(args[0])
        self._old = _MISSING
        return self

    def __iter__(self):
        return self

    def __next__(self):
        it = self._it
        if it is None:
            raise StopIteration
        old = self._old
        try:
            if old is _MISSING:
                old = self._old = next(it)
            new = next(it)
        except StopIteration:
            self._it = None
            self._old = _MISSING
            raise
        self._old = new
        return (old, new)


class zip_longest:
    """Return a zip_longest object whose .__next__() method returns a tuple where
    the i-th element comes from the i-th iterable argument.  The .__next__()
    method continues until the longest iterable in the argument sequence
    is exhausted and then it raises StopIteration.  When the shorter iterables
    are exhausted, the fillvalue is substituted in their place.  The fillvalue
    defaults to None or can be specified by a keyword argument."""
    __slots__ = ('_its', '_active', '_fill')

    def __new__(cls, *args, **kwargs):
        fill = None
        if kwargs:
            if len(kwargs) != 1 or 'fillvalue' not in kwargs:
                raise TypeError('zip_longest() got an unexpected keyword argument')
            fill = kwargs['fillvalue']
        its = [iter(arg) for arg in args]
        self = object.__new__(cls)
        self._its = its
        self._active = len(its)
        self._fill = fill
        return self

    def __iter__(self):
        return self

    def __next__(self):
        its = self._its
        if not its or self._active == 0:
            raise StopIteration
        result = []
        for i, it in enumerate(its):
            if it is None:
                result.append(self._fill)
                continue
            try:
                item = next(it)
            except StopIteration:
                self._active -= 1
                if self._active == 0:
                    raise
                its[i] = None
                item = self._fill
            except BaseException:
                self._active = 0
                raise
            result.append(item)
        return tuple(result)


# ---- groupby ----

class groupby:
    """make an iterator that returns consecutive keys and groups from the iterable

      iterable
        Elements to divide into groups according to the key function.
      key
        A function for computing the group category for each element.
        If the key function is not specified or is None, the element itself
        is used for grouping."""
    __slots__ = ('_it', '_keyfunc', '_tgtkey', '_currkey', '_currvalue', '_currgrouper')

    def __new__(cls, *args, **kwargs):
        iterable, key = _parse('groupby', args, kwargs, ('iterable', 'key'), 1)
        self = object.__new__(cls)
        self._it = iter(iterable)
        self._keyfunc = None if key is _MISSING else key
        self._tgtkey = self._currkey = self._currvalue = _MISSING
        self._currgrouper = None
        return self

    def __iter__(self):
        return self

    def _step(self):
        value = next(self._it)
        key = value if self._keyfunc is None else self._keyfunc(value)
        self._currvalue = value
        self._currkey = key

    def __next__(self):
        # A new group makes the previous grouper stop.
        self._currgrouper = None
        # Skip what is left of the current group.
        while True:
            if self._currkey is _MISSING:
                pass
            elif self._tgtkey is _MISSING:
                break
            else:
                t, c = self._tgtkey, self._currkey
                if not (t is c or t == c):
                    break
            self._step()
        self._tgtkey = self._currkey
        grouper = _grouper(self, self._tgtkey)
        self._currgrouper = grouper
        return (self._currkey, grouper)


class _grouper:
    __slots__ = ('_parent', '_tgtkey')

    def __init__(self, parent, tgtkey):
        self._parent = parent
        self._tgtkey = tgtkey

    def __iter__(self):
        return self

    def __next__(self):
        gbo = self._parent
        if gbo._currgrouper is not self:
            raise StopIteration
        if gbo._currvalue is _MISSING:
            gbo._step()
        t, c = self._tgtkey, gbo._currkey
        if not (t is c or t == c):
            raise StopIteration
        r = gbo._currvalue
        gbo._currvalue = _MISSING
        return r


# ---- tee ----

class _TeeLink:
    # One value read from the shared iterator, and the link after it
    # (None until some tee reads past it).
    __slots__ = ('value', 'next')

    def __init__(self, value):
        self.value = value
        self.next = None


class _TeeSource:
    __slots__ = ('it',)

    def __init__(self, it):
        self.it = it


class _tee:
    """Iterator wrapped to make it copyable."""
    __slots__ = ('_source', '_link')

    def __new__(cls, iterable):
        it = iter(iterable)
        if isinstance(it, _tee):
            return it.__copy__()
        self = object.__new__(cls)
        self._source = _TeeSource(it)
        self._link = _TeeLink(None)
        return self

    def __iter__(self):
        return self

    def __next__(self):
        link = self._link
        nxt = link.next
        if nxt is None:
            value = next(self._source.it)
            nxt = link.next
            if nxt is None:
                nxt = link.next = _TeeLink(value)
        self._link = nxt
        return nxt.value

    def __copy__(self):
        new = object.__new__(type(self))
        new._source = self._source
        new._link = self._link
        return new


def tee(*args, **kwargs):
    """Returns a tuple of n independent iterators."""
    _no_kwargs('tee', kwargs)
    if not 1 <= len(args) <= 2:
        raise TypeError(f'tee expected at {"least" if not args else "most"} '
                        f'{1 if not args else 2} argument{"" if not args else "s"}, got {len(args)}')
    n = _index(args[1]) if len(args) == 2 else 2
    if n < 0:
        raise ValueError('n must be >= 0')
    if n == 0:
        return ()
    it = iter(args[0])
    copy = getattr(it, '__copy__', None)
    if copy is None:
        it = _tee(it)
        copy = it.__copy__
    result = [it]
    for _ in range(1, n):
        result.append(copy())
    return tuple(result)


# ---- combinatoric iterators ----
# Each takes its whole input first, then produces tuples from a generator
# (the class keeps CPython's name and argument checks).

class _Combinatoric:
    __slots__ = ('_gen',)

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._gen)


# The generators keep the current tuple's items in a list and change only
# the positions that move, so each result is one tuple(list) copy.

def _product_gen(pools):
    for pool in pools:
        if not pool:
            return
    n = len(pools)
    indices = [0] * n
    cur = [pool[0] for pool in pools]
    yield tuple(cur)
    while True:
        # Advance the rightmost position that can move, resetting those after it.
        i = n - 1
        while i >= 0:
            pool = pools[i]
            j = indices[i] + 1
            if j < len(pool):
                indices[i] = j
                cur[i] = pool[j]
                break
            indices[i] = 0
            cur[i] = pool[0]
            i -= 1
        if i < 0:
            return
        yield tuple(cur)


class product(_Combinatoric):
    """Cartesian product of input iterables.  Equivalent to nested for-loops.

    For example, product(A, B) returns the same as:  ((x,y) for x in A for y in B).
    The leftmost iterators are in the outermost for-loop, so the output tuples
    cycle in a manner similar to an odometer (with the rightmost element changing
    on every iteration)."""
    __slots__ = ()

    def __new__(cls, *args, **kwargs):
        repeat = 1
        if kwargs:
            for k in kwargs:
                if k != 'repeat':
                    raise TypeError(f"'{k}' is an invalid keyword argument for product()")
            repeat = _index(kwargs['repeat'])
            if repeat < 0:
                raise ValueError('repeat argument cannot be negative')
        pools = [tuple(arg) for arg in args] * repeat
        self = object.__new__(cls)
        self._gen = _product_gen(pools)
        return self


def _permutations_gen(pool, r):
    n = len(pool)
    if r > n:
        return
    indices = list(range(n))
    cycles = list(range(n, n - r, -1))
    get = pool.__getitem__
    yield tuple(map(get, indices[:r]))
    while n:
        for i in range(r - 1, -1, -1):
            cycles[i] -= 1
            if cycles[i] == 0:
                indices[i:] = indices[i + 1:] + indices[i:i + 1]
                cycles[i] = n - i
            else:
                j = cycles[i]
                indices[i], indices[-j] = indices[-j], indices[i]
                yield tuple(map(get, indices[:r]))
                break
        else:
            return


class permutations(_Combinatoric):
    """Return successive r-length permutations of elements in the iterable.

    permutations(range(3), 2) --> (0,1), (0,2), (1,0), (1,2), (2,0), (2,1)"""
    __slots__ = ()

    def __new__(cls, *args, **kwargs):
        iterable, r = _parse('permutations', args, kwargs, ('iterable', 'r'), 1)
        pool = tuple(iterable)
        if r is _MISSING or r is None:
            r = len(pool)
        else:
            if not isinstance(r, int):
                raise TypeError('Expected int as r')
            if r < 0:
                raise ValueError('r must be non-negative')
        self = object.__new__(cls)
        self._gen = _permutations_gen(pool, r)
        return self


def _combinations_gen(pool, r):
    n = len(pool)
    if r > n:
        return
    indices = list(range(r))
    cur = list(pool[:r])
    yield tuple(cur)
    while True:
        for i in range(r - 1, -1, -1):
            if indices[i] != i + n - r:
                break
        else:
            return
        k = indices[i] + 1
        for j in range(i, r):
            indices[j] = k
            cur[j] = pool[k]
            k += 1
        yield tuple(cur)


class combinations(_Combinatoric):
    """Return successive r-length combinations of elements in the iterable.

    combinations(range(4), 3) --> (0,1,2), (0,1,3), (0,2,3), (1,2,3)"""
    __slots__ = ()

    def __new__(cls, *args, **kwargs):
        iterable, r = _parse('combinations', args, kwargs, ('iterable', 'r'), 2)
        pool = tuple(iterable)
        r = _index(r)
        if r < 0:
            raise ValueError('r must be non-negative')
        self = object.__new__(cls)
        self._gen = _combinations_gen(pool, r)
        return self


def _cwr_gen(pool, r):
    n = len(pool)
    if not n and r:
        return
    indices = [0] * r
    cur = [pool[0]] * r if r else []
    yield tuple(cur)
    while True:
        for i in range(r - 1, -1, -1):
            if indices[i] != n - 1:
                break
        else:
            return
        k = indices[i] + 1
        v = pool[k]
        for j in range(i, r):
            indices[j] = k
            cur[j] = v
        yield tuple(cur)


class combinations_with_replacement(_Combinatoric):
    """Return successive r-length combinations of elements in the iterable allowing individual elements to have successive repeats.

    combinations_with_replacement('ABC', 2) --> ('A','A'), ('A','B'), ('A','C'), ('B','B'), ('B','C'), ('C','C')"""
    __slots__ = ()

    def __new__(cls, *args, **kwargs):
        iterable, r = _parse('combinations_with_replacement', args, kwargs,
                             ('iterable', 'r'), 2)
        pool = tuple(iterable)
        r = _index(r)
        if r < 0:
            raise ValueError('r must be non-negative')
        self = object.__new__(cls)
        self._gen = _cwr_gen(pool, r)
        return self


for _c in (count, cycle, repeat, accumulate, chain, compress, dropwhile, takewhile,
           filterfalse, starmap, islice, pairwise, zip_longest, groupby, _grouper,
           _tee, product, permutations, combinations, combinations_with_replacement):
    _c.__module__ = 'itertools'
del _c, _Combinatoric
