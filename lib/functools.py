"""functools: higher-order functions (CPython 3.11's module).

Offers partial, partialmethod, update_wrapper, wraps, reduce, lru_cache,
cache, cached_property, total_ordering, cmp_to_key, singledispatch and
singledispatchmethod, with CPython's semantics, reprs and messages.

Differences (aiopy has no C accelerator for these): an lru_cache'd
function is a plain Python function (CPython's is a
functools._lru_cache_wrapper object; it binds as a method the same way);
a partial keeps func/args/keywords in its __dict__ (read-only all the
same); a singledispatch function's registry is a plain dict (CPython: a
read-only mappingproxy) and annotations are read from __annotations__
(with `from __future__ import annotations` aiopy records none, so
register() needs the class then); cached_property has no lock (aiopy runs
one thread). cmp_to_key's KeyWrapper is a Python class.
"""

__all__ = ['update_wrapper', 'wraps', 'WRAPPER_ASSIGNMENTS', 'WRAPPER_UPDATES',
           'total_ordering', 'cache', 'cmp_to_key', 'lru_cache', 'reduce',
           'partial', 'partialmethod', 'singledispatch', 'singledispatchmethod',
           'cached_property']

# types.GenericAlias without importing types (which builds sample objects).
GenericAlias = type(list[int])

# ---- update_wrapper / wraps ----

WRAPPER_ASSIGNMENTS = ('__module__', '__name__', '__qualname__', '__doc__',
                       '__annotations__')
WRAPPER_UPDATES = ('__dict__',)


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS,
                   updated=WRAPPER_UPDATES):
    """Make wrapper look like wrapped: copy the assigned attributes it has,
    merge the updated dicts, and point __wrapped__ at it."""
    for attr in assigned:
        try:
            value = getattr(wrapped, attr)
        except AttributeError:
            continue
        setattr(wrapper, attr, value)
    for attr in updated:
        getattr(wrapper, attr).update(getattr(wrapped, attr, {}))
    # Set last, so a __wrapped__ copied through __dict__ does not win.
    wrapper.__wrapped__ = wrapped
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    """Decorator form of update_wrapper."""
    return partial(update_wrapper, wrapped=wrapped, assigned=assigned,
                   updated=updated)


# ---- total_ordering ----
# Each derived method calls the root through type(self), as CPython does, so
# a root returning NotImplemented passes it on.

def _gt_from_lt(self, other):
    'Return a > b.  Computed by @total_ordering from (not a < b) and (a != b).'
    r = type(self).__lt__(self, other)
    return r if r is NotImplemented else (not r and self != other)

def _le_from_lt(self, other):
    'Return a <= b.  Computed by @total_ordering from (a < b) or (a == b).'
    r = type(self).__lt__(self, other)
    return r if r is NotImplemented else (r or self == other)

def _ge_from_lt(self, other):
    'Return a >= b.  Computed by @total_ordering from (not a < b).'
    r = type(self).__lt__(self, other)
    return r if r is NotImplemented else not r

def _ge_from_le(self, other):
    'Return a >= b.  Computed by @total_ordering from (not a <= b) or (a == b).'
    r = type(self).__le__(self, other)
    return r if r is NotImplemented else (not r or self == other)

def _lt_from_le(self, other):
    'Return a < b.  Computed by @total_ordering from (a <= b) and (a != b).'
    r = type(self).__le__(self, other)
    return r if r is NotImplemented else (r and self != other)

def _gt_from_le(self, other):
    'Return a > b.  Computed by @total_ordering from (not a <= b).'
    r = type(self).__le__(self, other)
    return r if r is NotImplemented else not r

def _lt_from_gt(self, other):
    'Return a < b.  Computed by @total_ordering from (not a > b) and (a != b).'
    r = type(self).__gt__(self, other)
    return r if r is NotImplemented else (not r and self != other)

def _ge_from_gt(self, other):
    'Return a >= b.  Computed by @total_ordering from (a > b) or (a == b).'
    r = type(self).__gt__(self, other)
    return r if r is NotImplemented else (r or self == other)

def _le_from_gt(self, other):
    'Return a <= b.  Computed by @total_ordering from (not a > b).'
    r = type(self).__gt__(self, other)
    return r if r is NotImplemented else not r

def _le_from_ge(self, other):
    'Return a <= b.  Computed by @total_ordering from (not a >= b) or (a == b).'
    r = type(self).__ge__(self, other)
    return r if r is NotImplemented else (not r or self == other)

def _gt_from_ge(self, other):
    'Return a > b.  Computed by @total_ordering from (a >= b) and (a != b).'
    r = type(self).__ge__(self, other)
    return r if r is NotImplemented else (r and self != other)

def _lt_from_ge(self, other):
    'Return a < b.  Computed by @total_ordering from (not a >= b).'
    r = type(self).__ge__(self, other)
    return r if r is NotImplemented else not r

_convert = {
    '__lt__': (('__gt__', _gt_from_lt), ('__le__', _le_from_lt), ('__ge__', _ge_from_lt)),
    '__le__': (('__ge__', _ge_from_le), ('__lt__', _lt_from_le), ('__gt__', _gt_from_le)),
    '__gt__': (('__lt__', _lt_from_gt), ('__ge__', _ge_from_gt), ('__le__', _le_from_gt)),
    '__ge__': (('__le__', _le_from_ge), ('__gt__', _gt_from_ge), ('__lt__', _lt_from_ge)),
}


def total_ordering(cls):
    """Class decorator that fills in missing ordering methods."""
    roots = {op for op in _convert
             if getattr(cls, op, None) is not getattr(object, op, None)}
    if not roots:
        raise ValueError('must define at least one ordering operation: < > <= >=')
    root = max(roots)   # CPython's preference: __lt__, then __le__, __gt__, __ge__
    for opname, opfunc in _convert[root]:
        if opname not in roots:
            # The shared helper itself, renamed, as CPython does.
            opfunc.__name__ = opname
            setattr(cls, opname, opfunc)
    return cls


# ---- cmp_to_key ----

class KeyWrapper:
    """What cmp_to_key returns: calling it wraps an object in a key whose
    comparisons call the old-style cmp function."""
    __slots__ = ('cmp', 'obj')
    __hash__ = None

    def __init__(self, cmp, obj=None):
        self.cmp = cmp
        self.obj = obj

    def __call__(self, *args, **kwargs):
        if kwargs or len(args) != 1:
            if len(args) + len(kwargs) == 1 and 'obj' in kwargs:
                return KeyWrapper(self.cmp, kwargs['obj'])
            if not args and not kwargs:
                raise TypeError("K() missing required argument 'obj' (pos 1)")
            raise TypeError(f"K() takes at most 1 argument ({len(args) + len(kwargs)} given)")
        return KeyWrapper(self.cmp, args[0])

    def _cmp(self, other):
        if type(other) is not KeyWrapper:
            raise TypeError('other argument must be K instance')
        return self.cmp(self.obj, other.obj)

    def __lt__(self, other):
        return self._cmp(other) < 0

    def __gt__(self, other):
        return self._cmp(other) > 0

    def __eq__(self, other):
        return self._cmp(other) == 0

    def __ne__(self, other):
        return self._cmp(other) != 0

    def __le__(self, other):
        return self._cmp(other) <= 0

    def __ge__(self, other):
        return self._cmp(other) >= 0


def cmp_to_key(mycmp):
    """Convert a cmp= function into a key= function."""
    return KeyWrapper(mycmp)


# ---- reduce ----

def reduce(*args):
    """reduce(function, iterable[, initial]) -> value

    Apply a function of two arguments cumulatively to the items of a
    sequence or iterable, from left to right, so as to reduce the iterable
    to a single value."""
    n = len(args)
    if n < 2:
        raise TypeError(f'reduce expected at least 2 arguments, got {n}')
    if n > 3:
        raise TypeError(f'reduce expected at most 3 arguments, got {n}')
    function, seq = args[0], args[1]
    try:
        it = iter(seq)
    except TypeError:
        raise TypeError('reduce() arg 2 must support iteration') from None
    if n == 3:
        value = args[2]
    else:
        for value in it:
            break
        else:
            raise TypeError('reduce() of empty iterable with no initial value')
    for element in it:
        value = function(value, element)
    return value


# ---- partial ----

def _partial_repr_args(func, args, keywords):
    parts = [repr(func)]
    parts.extend(repr(a) for a in args)
    parts.extend(f'{k}={v!r}' for k, v in keywords.items())
    return ', '.join(parts)


_repr_running = set()


class partial:
    """New function with partial application of the given arguments
    and keywords."""

    def __new__(cls, *args, **keywords):
        if not args:
            raise TypeError("type 'partial' takes at least one argument")
        func, args = args[0], args[1:]
        if not callable(func):
            raise TypeError('the first argument must be callable')
        # A plain partial of a partial flattens into one (CPython's C rule:
        # the inner one is called by partial's own __call__ and carries no
        # attributes of its own).
        if (isinstance(func, partial) and type(func).__call__ is partial.__call__
                and len(func.__dict__) == 3):
            args = func.args + args
            keywords = {**func.keywords, **keywords}
            func = func.func
        self = object.__new__(cls)
        d = self.__dict__
        d['func'] = func
        d['args'] = args
        d['keywords'] = keywords
        return self

    def __call__(self, /, *args, **keywords):
        kw = self.keywords
        if kw:
            keywords = {**kw, **keywords}
        return self.func(*self.args, *args, **keywords)

    def __setattr__(self, name, value):
        if name in ('func', 'args', 'keywords'):
            raise AttributeError('readonly attribute')
        object.__setattr__(self, name, value)

    def __delattr__(self, name):
        if name in ('func', 'args', 'keywords'):
            raise AttributeError('readonly attribute')
        object.__delattr__(self, name)

    def __repr__(self):
        key = id(self)
        if key in _repr_running:
            return '...'
        _repr_running.add(key)
        try:
            cls = type(self)
            name = 'functools.partial' if cls is partial else cls.__name__
            return f'{name}({_partial_repr_args(self.func, self.args, self.keywords)})'
        finally:
            _repr_running.discard(key)

    def __reduce__(self):
        extra = {k: v for k, v in self.__dict__.items()
                 if k not in ('func', 'args', 'keywords')}
        return (type(self), (self.func,),
                (self.func, self.args, self.keywords or None, extra or None))

    def __setstate__(self, state):
        if not isinstance(state, tuple):
            raise TypeError('argument to __setstate__ must be a tuple')
        if len(state) != 4:
            raise TypeError(f'expected 4 items in state, got {len(state)}')
        func, args, kwds, namespace = state
        if (not callable(func) or not isinstance(args, tuple) or
                (kwds is not None and not isinstance(kwds, dict)) or
                (namespace is not None and not isinstance(namespace, dict))):
            raise TypeError('invalid partial state')
        d = self.__dict__
        d.clear()
        if namespace:
            d.update(namespace)
        d['func'] = func
        d['args'] = tuple(args)
        d['keywords'] = dict(kwds) if kwds else {}

    __class_getitem__ = classmethod(GenericAlias)


class partialmethod:
    """Method descriptor with partial application of the given arguments
    and keywords (supports descriptors as well as plain callables)."""

    def __init__(self, func, /, *args, **keywords):
        if not callable(func) and not hasattr(func, '__get__'):
            raise TypeError(f'{func!r} is not callable or a descriptor')
        if isinstance(func, partialmethod):
            # Flatten, as partial does, so calls skip a level.
            self.func = func.func
            self.args = func.args + args
            self.keywords = {**func.keywords, **keywords}
        else:
            self.func = func
            self.args = args
            self.keywords = keywords

    def __repr__(self):
        args = ', '.join(map(repr, self.args))
        keywords = ', '.join(f'{k}={v!r}' for k, v in self.keywords.items())
        cls = self.__class__
        return f'{cls.__module__}.{cls.__qualname__}({self.func}, {args}, {keywords})'

    def _make_unbound_method(self):
        def _method(cls_or_self, /, *args, **keywords):
            keywords = {**self.keywords, **keywords}
            return self.func(cls_or_self, *self.args, *args, **keywords)
        _method.__isabstractmethod__ = self.__isabstractmethod__
        _method._partialmethod = self
        return _method

    def __get__(self, obj, cls=None):
        get = getattr(self.func, '__get__', None)
        result = None
        if get is not None:
            new_func = get(obj, cls)
            if new_func is not self.func:
                # The wrapped descriptor bound itself: partial over that.
                result = partial(new_func, *self.args, **self.keywords)
                try:
                    result.__self__ = new_func.__self__
                except AttributeError:
                    pass
        if result is None:
            result = self._make_unbound_method().__get__(obj, cls)
        return result

    @property
    def __isabstractmethod__(self):
        return getattr(self.func, '__isabstractmethod__', False)

    __class_getitem__ = classmethod(GenericAlias)


# ---- lru_cache / cache ----

_CacheInfo = None


def _cache_info_type():
    # The named tuple is made on first use: importing functools stays cheap.
    global _CacheInfo
    if _CacheInfo is None:
        from collections import namedtuple
        _CacheInfo = namedtuple('CacheInfo', ['hits', 'misses', 'maxsize', 'currsize'])
        _CacheInfo.__module__ = 'functools'
    return _CacheInfo


class _KwdMark:
    # Separates positional from keyword arguments inside a key.
    __slots__ = ()

_kwd_mark = (_KwdMark(),)
_fasttypes = {int, str}


def _make_key(args, kwds, typed):
    """The cache key of a call, as CPython's C version builds it: a lone int
    or str argument is its own key; otherwise a flat tuple of the
    arguments, keyword names and values, and (typed) their types."""
    if not kwds and not typed:
        if len(args) == 1 and type(args[0]) in _fasttypes:
            return args[0]
        return args
    key = args
    if kwds:
        key += _kwd_mark
        for item in kwds.items():
            key += item
    if typed:
        key += tuple(type(v) for v in args)
        if kwds:
            key += tuple(type(v) for v in kwds.values())
    return key


def lru_cache(maxsize=128, typed=False):
    """Least-recently-used cache decorator.

    maxsize None: the cache grows without bound. typed: arguments of
    different types are cached separately (3 and 3.0). The wrapped function
    gets cache_info(), cache_clear() and cache_parameters()."""
    if isinstance(maxsize, int):
        if maxsize < 0:
            maxsize = 0
    elif callable(maxsize) and isinstance(typed, bool):
        # Used bare: @lru_cache
        user_function, maxsize = maxsize, 128
        wrapper = _lru_cache_wrapper(user_function, maxsize, typed)
        wrapper.cache_parameters = lambda: {'maxsize': maxsize, 'typed': typed}
        return update_wrapper(wrapper, user_function)
    elif maxsize is not None:
        raise TypeError('Expected first argument to be an integer, a callable, or None')

    def decorating_function(user_function):
        wrapper = _lru_cache_wrapper(user_function, maxsize, typed)
        wrapper.cache_parameters = lambda: {'maxsize': maxsize, 'typed': typed}
        return update_wrapper(wrapper, user_function)

    return decorating_function


def _lru_cache_wrapper(user_function, maxsize, typed):
    # The cache is a dict, whose insertion order is the recency order:
    # a hit moves its key to the end, eviction takes the first key.
    sentinel = object()
    cache = {}
    stats = [0, 0]   # hits, misses
    cache_get = cache.get

    if maxsize == 0:
        def wrapper(*args, **kwds):
            stats[1] += 1
            return user_function(*args, **kwds)

    elif maxsize is None:
        def wrapper(*args, **kwds):
            key = _make_key(args, kwds, typed)
            result = cache_get(key, sentinel)
            if result is not sentinel:
                stats[0] += 1
                return result
            stats[1] += 1
            result = user_function(*args, **kwds)
            cache[key] = result
            return result

    else:
        def wrapper(*args, **kwds):
            key = _make_key(args, kwds, typed)
            result = cache_get(key, sentinel)
            if result is not sentinel:
                stats[0] += 1
                # Most recently used goes last.
                del cache[key]
                cache[key] = result
                return result
            stats[1] += 1
            result = user_function(*args, **kwds)
            if key in cache:
                # The call itself cached this key (recursion): keep that.
                return result
            if len(cache) >= maxsize:
                del cache[next(iter(cache))]
            cache[key] = result
            return result

    def cache_info():
        """Report cache statistics"""
        return _cache_info_type()(stats[0], stats[1], maxsize, len(cache))

    def cache_clear():
        """Clear the cache and cache statistics"""
        cache.clear()
        stats[0] = stats[1] = 0

    wrapper.cache_info = cache_info
    wrapper.cache_clear = cache_clear
    return wrapper


def cache(user_function, /):
    'Simple lightweight unbounded cache.  Sometimes called "memoize".'
    return lru_cache(maxsize=None)(user_function)


# ---- singledispatch ----

def _c3_merge(sequences):
    """The C3 linearisation of the given sequences (Python's MRO rule)."""
    result = []
    while True:
        sequences = [s for s in sequences if s]
        if not sequences:
            return result
        for s1 in sequences:
            candidate = s1[0]
            for s2 in sequences:
                if candidate in s2[1:]:
                    candidate = None
                    break   # reject the current head, it appears later
            else:
                break
        if candidate is None:
            raise RuntimeError('Inconsistent hierarchy')
        result.append(candidate)
        for seq in sequences:
            if seq[0] == candidate:
                del seq[0]


def _is_abc(cls):
    # CPython's test for an ABC (abc.ABCMeta sets __abstractmethods__).
    return hasattr(cls, '__abstractmethods__') or hasattr(cls, '_abc_impl')


def _c3_mro(cls, abcs=None):
    """cls's MRO with the ABCs it implements (virtually, through register()
    or __subclasshook__) inserted where CPython's singledispatch puts them:
    after the explicit base that brings in the behaviour."""
    bases = cls.__bases__
    boundary = 0
    for i in range(len(bases) - 1, -1, -1):
        if _is_abc(bases[i]):
            boundary = i + 1
            break
    abcs = list(abcs) if abcs else []
    explicit_bases = list(bases[:boundary])
    abstract_bases = []
    other_bases = list(bases[boundary:])
    for base in abcs:
        if issubclass(cls, base) and not any(issubclass(b, base) for b in bases):
            abstract_bases.append(base)
    for base in abstract_bases:
        abcs.remove(base)
    explicit_c3 = [_c3_mro(base, abcs=abcs) for base in explicit_bases]
    abstract_c3 = [_c3_mro(base, abcs=abcs) for base in abstract_bases]
    other_c3 = [_c3_mro(base, abcs=abcs) for base in other_bases]
    return _c3_merge([[cls]] + explicit_c3 + abstract_c3 + other_c3 +
                     [explicit_bases] + [abstract_bases] + [other_bases])


def _compose_mro(cls, types):
    """The MRO of cls with the registered ABCs it is a virtual subclass of."""
    bases = set(cls.__mro__)

    def is_related(typ):
        return (typ not in bases and hasattr(typ, '__mro__')
                and not isinstance(typ, GenericAlias) and issubclass(cls, typ))
    types = [n for n in types if is_related(n)]
    if not types:
        return list(cls.__mro__)

    def is_strict_base(typ):
        for other in types:
            if typ != other and typ in other.__mro__:
                return True
        return False
    types = [n for n in types if not is_strict_base(n)]
    # Subclasses of those ABCs that cls also implements fix their order
    # (Collection puts Sized before Iterable).
    type_set = set(types)
    mro = []
    for typ in types:
        found = []
        for sub in _subclasses(typ):
            if sub not in bases and issubclass(cls, sub):
                found.append([s for s in sub.__mro__ if s in type_set])
        if not found:
            mro.append(typ)
            continue
        # The subclasses bringing in the most of them first.
        found.sort(key=len, reverse=True)
        for sub in found:
            for subcls in sub:
                if subcls not in mro:
                    mro.append(subcls)
    return _c3_mro(cls, abcs=mro)


def _subclasses(typ):
    # type.__subclasses__(); aiopy has it for ABCs only, which keep their
    # direct subclasses (in creation order) in their _abc_impl.
    method = getattr(typ, '__subclasses__', None)
    if method is not None:
        return method()
    impl = typ.__dict__.get('_abc_impl')
    return list(getattr(impl, 'subclasses', ()))


def _find_impl(cls, registry):
    """The registered implementation for cls: the first match along its
    (ABC-aware) MRO; RuntimeError when two ABCs tie."""
    mro = _compose_mro(cls, registry.keys())
    match = None
    for t in mro:
        if match is not None:
            if (t in registry and t not in cls.__mro__ and match not in cls.__mro__
                    and not issubclass(match, t)):
                raise RuntimeError(f'Ambiguous dispatch: {match} or {t}')
            break
        if t in registry:
            match = t
    return registry.get(match)


def _annotated_dispatch_type(func):
    # What typing.get_type_hints gives for the first annotation: strings
    # are evaluated in the function's globals, None stands for NoneType.
    argname, cls = next(iter(func.__annotations__.items()))
    if isinstance(cls, str):
        cls = eval(cls, getattr(func, '__globals__', {}))
    if cls is None:
        cls = type(None)
    return argname, cls


def singledispatch(func):
    """Single-dispatch generic function decorator: the implementation
    called is chosen by the type of the first argument, among those
    added with .register()."""
    import abc
    get_cache_token = getattr(abc, 'get_cache_token', None)
    if get_cache_token is None:
        get_cache_token = lambda: abc._abc_invalidation[0]

    registry = {}
    dispatch_cache = {}
    cache_token = [None]

    def dispatch(cls):
        """generic_func.dispatch(cls) -> <function implementation>

        Runs the dispatch algorithm to return the best available
        implementation for the given *cls* registered on *generic_func*."""
        if cache_token[0] is not None and cache_token[0] != get_cache_token():
            # An ABC registration may have changed what classes match.
            dispatch_cache.clear()
            cache_token[0] = get_cache_token()
        try:
            impl = dispatch_cache[cls]
        except KeyError:
            try:
                impl = registry[cls]
            except KeyError:
                impl = _find_impl(cls, registry)
            dispatch_cache[cls] = impl
        return impl

    def _is_union_type(cls):
        # types.UnionType (int | str); typing.Union is not part of aiopy.
        try:
            union = type(int | str)
        except TypeError:
            return False
        return isinstance(cls, union)

    def _is_valid_dispatch_type(cls):
        if isinstance(cls, type):
            return True
        return (_is_union_type(cls) and
                all(isinstance(arg, type) for arg in cls.__args__))

    def register(cls, func=None):
        """generic_func.register(cls, func) -> func

        Registers a new implementation for the given *cls* on a
        *generic_func*."""
        if _is_valid_dispatch_type(cls):
            if func is None:
                return lambda f: register(cls, f)
        else:
            if func is not None:
                raise TypeError(f'Invalid first argument to `register()`. '
                                f'{cls!r} is not a class or union type.')
            ann = getattr(cls, '__annotations__', {})
            if not ann:
                raise TypeError(
                    f'Invalid first argument to `register()`: {cls!r}. '
                    f'Use either `@register(some_class)` or plain `@register` '
                    f'on an annotated function.')
            func = cls
            argname, cls = _annotated_dispatch_type(func)
            if not _is_valid_dispatch_type(cls):
                if _is_union_type(cls):
                    raise TypeError(f'Invalid annotation for {argname!r}. '
                                    f'{cls!r} not all arguments are classes.')
                raise TypeError(f'Invalid annotation for {argname!r}. '
                                f'{cls!r} is not a class.')
        if _is_union_type(cls):
            for arg in cls.__args__:
                registry[arg] = func
        else:
            registry[cls] = func
        if cache_token[0] is None and _is_abc(cls):
            cache_token[0] = get_cache_token()
        dispatch_cache.clear()
        return func

    def wrapper(*args, **kw):
        if not args:
            raise TypeError(f'{funcname} requires at least 1 positional argument')
        return dispatch(args[0].__class__)(*args, **kw)

    funcname = getattr(func, '__name__', 'singledispatch function')
    registry[object] = func
    wrapper.register = register
    wrapper.dispatch = dispatch
    wrapper.registry = registry   # CPython: a read-only MappingProxyType
    wrapper._clear_cache = dispatch_cache.clear
    update_wrapper(wrapper, func)
    return wrapper


class singledispatchmethod:
    """Single-dispatch generic method descriptor: dispatches on the type of
    the first argument after self (or cls)."""

    def __init__(self, func):
        if not callable(func) and not hasattr(func, '__get__'):
            raise TypeError(f'{func!r} is not callable or a descriptor')
        self.dispatcher = singledispatch(func)
        self.func = func

    def register(self, cls, method=None):
        """generic_method.register(cls, func) -> func

        Registers a new implementation for the given *cls* on a *generic_method*."""
        return self.dispatcher.register(cls, func=method)

    def __get__(self, obj, cls=None):
        def _method(*args, **kwargs):
            method = self.dispatcher.dispatch(args[0].__class__)
            return method.__get__(obj, cls)(*args, **kwargs)
        _method.__isabstractmethod__ = self.__isabstractmethod__
        _method.register = self.register
        update_wrapper(_method, self.func)
        return _method

    @property
    def __isabstractmethod__(self):
        return getattr(self.func, '__isabstractmethod__', False)


# ---- cached_property ----

_NOT_FOUND = object()


class cached_property:
    """A property computed once per instance and then kept in the instance
    __dict__ (which, as it is not a data descriptor, then wins)."""

    def __init__(self, func):
        self.func = func
        self.attrname = None
        self.__doc__ = func.__doc__

    def __set_name__(self, owner, name):
        if self.attrname is None:
            self.attrname = name
        elif name != self.attrname:
            raise TypeError('Cannot assign the same cached_property to two different '
                            f'names ({self.attrname!r} and {name!r}).')

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        if self.attrname is None:
            raise TypeError('Cannot use cached_property instance without calling '
                            '__set_name__ on it.')
        try:
            cache = instance.__dict__
        except AttributeError:
            msg = (f"No '__dict__' attribute on {type(instance).__name__!r} "
                   f'instance to cache {self.attrname!r} property.')
            raise TypeError(msg) from None
        val = cache.get(self.attrname, _NOT_FOUND)
        if val is _NOT_FOUND:
            val = self.func(instance)
            try:
                cache[self.attrname] = val
            except TypeError:
                msg = (f"The '__dict__' attribute on {type(instance).__name__!r} "
                       f'instance does not support item assignment for caching '
                       f'{self.attrname!r} property.')
                raise TypeError(msg) from None
        return val

    __class_getitem__ = classmethod(GenericAlias)
