"""copy: shallow and deep copy operations (CPython 3.11's module).

copy(x) and deepcopy(x, memo=None), with CPython's rules: the builtin
containers are copied directly, immutable and atomic objects are returned
as they are, __copy__ / __deepcopy__ are honoured, and everything else goes
through __reduce_ex__(4) and reconstruction (__getnewargs_ex__,
__getnewargs__, __getstate__, __setstate__, slots, list and dict
subclasses' items). aiopy's object.__reduce_ex__ refuses everything, so the
default reduction CPython's object does is done here; an object it cannot
handle either (a generator, a module, ...) raises CPython's
TypeError("cannot pickle 'X' object"). There is no copyreg dispatch table.
"""

__all__ = ["Error", "copy", "deepcopy"]


class Error(Exception):
    pass

error = Error   # backward compatibility


def _f():
    pass

class _C:
    def _m(self):
        pass

import builtins as _builtins
# Builtin types this aiopy may lack (complex), left out of the tables.
_optional = tuple(t for t in (getattr(_builtins, 'complex', None),) if t is not None)

_FunctionType = type(_f)
_CodeType = type(_f.__code__)
_MethodType = type(_C()._m)
_BuiltinFunctionType = type(len)
del _f, _C


# ---- shallow copy ----

def copy(x):
    """Shallow copy operation on arbitrary Python objects.

    See the module's __doc__ string for more info.
    """
    cls = type(x)

    copier = _copy_dispatch.get(cls)
    if copier:
        return copier(x)

    if issubclass(cls, type):
        # Classes are copied as themselves.
        return x

    copier = getattr(cls, '__copy__', None)
    if copier is not None:
        return copier(x)

    rv = _reduce_ex(x, cls)
    if isinstance(rv, str):
        return x
    return _reconstruct(x, None, *rv)


def _copy_immutable(x):
    return x

_copy_dispatch = d = {}
for t in (type(None), int, float, bool, str, tuple,
          bytes, frozenset, type, range, slice, property,
          _BuiltinFunctionType, type(Ellipsis), type(NotImplemented),
          _FunctionType, _CodeType) + _optional:
    d[t] = _copy_immutable

d[list] = list.copy
d[dict] = dict.copy
d[set] = set.copy

def _copy_method(x):
    return type(x)(x.__func__, x.__self__)
d[_MethodType] = _copy_method

del d, t


# ---- deep copy ----

def deepcopy(x, memo=None, _nil=[]):
    """Deep copy operation on arbitrary Python objects.

    See the module's __doc__ string for more info.
    """
    if memo is None:
        memo = {}

    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y

    cls = type(x)

    copier = _deepcopy_dispatch.get(cls)
    if copier is not None:
        y = copier(x, memo)
    else:
        if issubclass(cls, type):
            y = _deepcopy_atomic(x, memo)
        else:
            copier = getattr(x, '__deepcopy__', None)
            if copier is not None:
                y = copier(memo)
            else:
                rv = _reduce_ex(x, cls)
                if isinstance(rv, str):
                    y = x
                else:
                    y = _reconstruct(x, memo, *rv)

    # An object that is its own copy is not remembered.
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)   # x must outlive its id's entry
    return y


_deepcopy_dispatch = d = {}

def _deepcopy_atomic(x, memo):
    return x

for t in (type(None), type(Ellipsis), type(NotImplemented), int, float, bool,
          bytes, str, _CodeType, type, range, _BuiltinFunctionType,
          _FunctionType, property) + _optional:
    d[t] = _deepcopy_atomic

def _deepcopy_list(x, memo, deepcopy=deepcopy):
    y = []
    memo[id(x)] = y
    append = y.append
    for a in x:
        append(deepcopy(a, memo))
    return y
d[list] = _deepcopy_list

def _deepcopy_tuple(x, memo, deepcopy=deepcopy):
    y = [deepcopy(a, memo) for a in x]
    # A tuple inside itself (through a list): the copy exists already.
    try:
        return memo[id(x)]
    except KeyError:
        pass
    for k, j in zip(x, y):
        if k is not j:
            return tuple(y)
    # Nothing inside changed: the tuple is its own copy.
    return x
d[tuple] = _deepcopy_tuple

def _deepcopy_dict(x, memo, deepcopy=deepcopy):
    y = {}
    memo[id(x)] = y
    for key, value in x.items():
        y[deepcopy(key, memo)] = deepcopy(value, memo)
    return y
d[dict] = _deepcopy_dict

def _deepcopy_method(x, memo):
    return type(x)(x.__func__, deepcopy(x.__self__, memo))
d[_MethodType] = _deepcopy_method

del d, t


def _keep_alive(x, memo):
    """Keeps a reference to the object x in the memo, so that its id (a
    key of memo) is not reused while the memo lives."""
    try:
        memo[id(memo)].append(x)
    except KeyError:
        # aha, this is the first one :-)
        memo[id(memo)] = [x]


# ---- reduction ----

def _reduce_ex(x, cls):
    """x.__reduce_ex__(4): the class's own __reduce_ex__ or __reduce__ when
    it defines one, else what CPython's object.__reduce_ex__ returns."""
    reductor = getattr(cls, '__reduce_ex__', None)
    if reductor is not None and reductor is not object.__reduce_ex__:
        return x.__reduce_ex__(4)
    reductor = getattr(cls, '__reduce__', None)
    if reductor is not None and reductor is not object.__reduce__:
        return x.__reduce__()
    return _reduce_newobj(x, cls)


def __newobj__(cls, *args):
    return cls.__new__(cls, *args)


def __newobj_ex__(cls, args, kwargs):
    return cls.__new__(cls, *args, **kwargs)


# Builtin bases whose instances carry a value that __new__ takes (CPython's
# int, str, ... define __getnewargs__ for this).
_VALUE_BASES = (int, float, str, bytes, tuple) + _optional


def _reduce_newobj(x, cls):
    """CPython's reduce_newobj (protocol 2 and up) for objects whose class
    does not define its own reduction."""
    if isinstance(x, BaseException):
        # BaseException.__reduce__: the class called with the args, and
        # the instance dict (notes, attributes) when it has one.
        d = getattr(x, '__dict__', None)
        return (cls, x.args, d) if d else (cls, x.args)
    base = _solid_base(cls)
    if base is set or base is frozenset:
        # set.__reduce__ / frozenset.__reduce__: the class called with the items.
        return cls, (list(x),), getattr(x, '__dict__', None) or None
    getnewargs_ex = getattr(x, '__getnewargs_ex__', None)
    kwargs = None
    if getnewargs_ex is not None:
        args, kwargs = getnewargs_ex()
    else:
        getnewargs = getattr(x, '__getnewargs__', None)
        if getnewargs is not None:
            args = getnewargs()
        elif base in _VALUE_BASES:
            args = (base(x),)
        elif base in (object, list, dict):
            args = ()
        else:
            raise TypeError(f"cannot pickle '{cls.__name__}' object")
    if base not in (object, list, dict) and base not in _VALUE_BASES:
        raise TypeError(f"cannot pickle '{cls.__name__}' object")
    state = _getstate(x, cls)
    listitems = iter(x) if isinstance(x, list) else None
    dictitems = iter(x.items()) if isinstance(x, dict) else None
    if kwargs:
        return __newobj_ex__, (cls, args, kwargs), state, listitems, dictitems
    return __newobj__, (cls,) + tuple(args), state, listitems, dictitems


def _solid_base(cls):
    # The first builtin class along the MRO: what the instances are laid
    # out as (object for plain classes).
    for base in cls.__mro__:
        if base.__module__ == 'builtins':
            return base
    return object


def _getstate(x, cls):
    getstate = getattr(cls, '__getstate__', None)
    if getstate is not None and getstate is not object.__getstate__:
        return x.__getstate__()
    # object.__getstate__'s default: the instance dict (None when empty)
    # and, with __slots__, a (dict, {slot: value}) pair.
    d = getattr(x, '__dict__', None)
    state = d if d else None
    slots = _slotnames(cls)
    if slots:
        values = {}
        for name in slots:
            try:
                values[name] = getattr(x, name)
            except AttributeError:
                pass
        if values:
            state = (state, values)
    return state


def _slotnames(cls):
    """The names of the slots of cls and its bases, mangled as the class
    bodies declared them (copyreg._slotnames)."""
    names = []
    for c in cls.__mro__:
        if '__slots__' not in c.__dict__:
            continue
        slots = c.__dict__['__slots__']
        if isinstance(slots, str):
            slots = (slots,)
        for name in slots:
            if name in ('__dict__', '__weakref__'):
                continue
            if name.startswith('__') and not name.endswith('__'):
                stripped = c.__name__.lstrip('_')
                if stripped:
                    name = f'_{stripped}{name}'
            names.append(name)
    return names


def _reconstruct(x, memo, func, args,
                 state=None, listiter=None, dictiter=None,
                 *, deepcopy=deepcopy):
    deep = memo is not None
    if deep and args:
        args = [deepcopy(arg, memo) for arg in args]
    y = func(*args)
    if deep:
        memo[id(x)] = y

    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        if hasattr(y, '__setstate__'):
            y.__setstate__(state)
        else:
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            else:
                slotstate = None
            if state is not None:
                y.__dict__.update(state)
            if slotstate is not None:
                for key, value in slotstate.items():
                    setattr(y, key, value)

    if listiter is not None:
        if deep:
            for item in listiter:
                item = deepcopy(item, memo)
                y.append(item)
        else:
            for item in listiter:
                y.append(item)
    if dictiter is not None:
        if deep:
            for key, value in dictiter:
                key = deepcopy(key, memo)
                value = deepcopy(value, memo)
                y[key] = value
        else:
            for key, value in dictiter:
                y[key] = value
    return y
