# dataclasses: CPython 3.11's @dataclass: fields from the class annotations,
# field() (default, default_factory, init, repr, hash, compare, metadata,
# kw_only), KW_ONLY, InitVar, ClassVar exclusion, __post_init__, the
# generated __init__, __repr__ (recursion-safe), __eq__, ordering, __hash__
# (CPython's table), frozen classes (FrozenInstanceError), __match_args__,
# slots=True, the class docstring, and fields(), asdict(), astuple(),
# replace(), is_dataclass(), make_dataclass().
#
# How the methods are made: CPython compiles each one from source text at
# every class definition. Here one source text per class holds all the
# methods; its code is cached by that text, so classes of the same shape
# compile once, and a class definition costs a fraction of CPython's. The
# source keeps CPython's parameters and defaults, so the __init__ signature
# and its argument errors are the same ("P.__init__() missing 1 required
# positional argument: 'x'").
#
# Left out: pickling support for frozen slotted classes (__getstate__ and
# __setstate__ are still set) and weakref_slot's actual weak references.
import sys
from types import MappingProxyType, GenericAlias

__all__ = ['dataclass', 'field', 'Field', 'FrozenInstanceError', 'InitVar', 'KW_ONLY',
           'MISSING', 'fields', 'asdict', 'astuple', 'make_dataclass', 'replace',
           'is_dataclass']


class FrozenInstanceError(AttributeError):
    pass


class _HAS_DEFAULT_FACTORY_CLASS:
    # Stands in the __init__ signature for a default made by a factory.
    def __repr__(self):
        return '<factory>'


_HAS_DEFAULT_FACTORY = _HAS_DEFAULT_FACTORY_CLASS()


class _MISSING_TYPE:
    pass


MISSING = _MISSING_TYPE()


class _KW_ONLY_TYPE:
    pass


KW_ONLY = _KW_ONLY_TYPE()

_EMPTY_METADATA = MappingProxyType({})


class _FIELD_BASE:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return self.name


_FIELD = _FIELD_BASE('_FIELD')
_FIELD_CLASSVAR = _FIELD_BASE('_FIELD_CLASSVAR')
_FIELD_INITVAR = _FIELD_BASE('_FIELD_INITVAR')

_FIELDS = '__dataclass_fields__'
_PARAMS = '__dataclass_params__'
_POST_INIT_NAME = '__post_init__'
_FunctionType = type(lambda: None)


def _recursive_repr(fn):
    # A repr that gives '...' for an object already being printed.
    running = set()

    def __repr__(self):
        key = id(self)
        if key in running:
            return '...'
        running.add(key)
        try:
            return fn(self)
        finally:
            running.discard(key)
    __repr__.__name__ = fn.__name__
    __repr__.__wrapped__ = fn
    return __repr__


class InitVar:
    """A pseudo-field passed to __init__ and __post_init__, not stored."""
    __slots__ = ('type',)

    def __init__(self, type):
        self.type = type

    def __repr__(self):
        if isinstance(self.type, type):
            type_name = self.type.__name__
        else:
            type_name = repr(self.type)   # typing objects, e.g. List[int]
        return f'dataclasses.InitVar[{type_name}]'

    def __class_getitem__(cls, type):
        return InitVar(type)


class Field:
    """One field of a dataclass, as field() describes it; name and type are
    filled in when the class is processed."""
    __slots__ = ('name', 'type', 'default', 'default_factory', 'repr', 'hash', 'init',
                 'compare', 'metadata', 'kw_only', '_field_type')

    def __init__(self, default, default_factory, init, repr, hash, compare, metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = _EMPTY_METADATA if metadata is None else MappingProxyType(metadata)
        self.kw_only = kw_only
        self._field_type = None

    @_recursive_repr
    def __repr__(self):
        return ('Field('
                f'name={self.name!r},'
                f'type={self.type!r},'
                f'default={self.default!r},'
                f'default_factory={self.default_factory!r},'
                f'init={self.init!r},'
                f'repr={self.repr!r},'
                f'hash={self.hash!r},'
                f'compare={self.compare!r},'
                f'metadata={self.metadata!r},'
                f'kw_only={self.kw_only!r},'
                f'_field_type={self._field_type}'
                ')')

    def __set_name__(self, owner, name):
        # A descriptor given as the default learns its name, as if it
        # had been assigned in the class body itself.
        func = getattr(type(self.default), '__set_name__', None)
        if func:
            func(self.default, owner, name)

    __class_getitem__ = classmethod(GenericAlias)


class _DataclassParams:
    __slots__ = ('init', 'repr', 'eq', 'order', 'unsafe_hash', 'frozen')

    def __init__(self, init, repr, eq, order, unsafe_hash, frozen):
        self.init = init
        self.repr = repr
        self.eq = eq
        self.order = order
        self.unsafe_hash = unsafe_hash
        self.frozen = frozen

    def __repr__(self):
        return ('_DataclassParams('
                f'init={self.init!r},'
                f'repr={self.repr!r},'
                f'eq={self.eq!r},'
                f'order={self.order!r},'
                f'unsafe_hash={self.unsafe_hash!r},'
                f'frozen={self.frozen!r}'
                ')')


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True,
          hash=None, compare=True, metadata=None, kw_only=MISSING):
    """Return an object to identify dataclass fields: default or
    default_factory (a 0-argument function) give the default; init, repr,
    hash and compare say whether the field takes part in those methods;
    metadata is kept as is; kw_only makes it a keyword-only parameter."""
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


# ---- recognising ClassVar, InitVar and KW_ONLY annotations ----

def _is_classvar(a_type, typing):
    return a_type is typing.ClassVar or (type(a_type) is typing._GenericAlias and
                                        a_type.__origin__ is typing.ClassVar)


def _is_initvar(a_type, dataclasses):
    return a_type is dataclasses.InitVar or type(a_type) is dataclasses.InitVar


def _is_kw_only(a_type, dataclasses):
    return a_type is dataclasses.KW_ONLY


def _word(s, i):
    # The end of the identifier starting at s[i] (CPython's \w+).
    n = len(s)
    while i < n and (s[i].isalnum() or s[i] == '_'):
        i += 1
    return i


def _split_annotation(annotation):
    # "mod.Name[...]" -> ('mod', 'Name'), "Name[...]" -> (None, 'Name'),
    # as CPython's ^(?:\s*(\w+)\s*\.)?\s*(\w+) finds them; None if neither.
    s = annotation
    i = len(s) - len(s.lstrip())
    j = _word(s, i)
    if j == i:
        return None
    first = s[i:j]
    k = j
    while k < len(s) and s[k].isspace():
        k += 1
    if k < len(s) and s[k] == '.':
        k += 1
        while k < len(s) and s[k].isspace():
            k += 1
        m = _word(s, k)
        if m > k:
            return first, s[k:m]
    return None, first


def _is_type(annotation, cls, a_module, a_type, is_type_predicate):
    # Does the string annotation name a_type of a_module (looked up in the
    # class's module, without evaluating it)?
    parts = _split_annotation(annotation)
    if parts is None:
        return False
    module_name, name = parts
    ns = None
    module = sys.modules.get(cls.__module__)
    if not module_name:
        ns = module.__dict__ if module is not None else None
    elif module and module.__dict__.get(module_name) is a_module:
        ns = sys.modules.get(a_type.__module__).__dict__
    return bool(ns) and is_type_predicate(ns.get(name), a_module)


def _get_field(cls, a_name, a_type, default_kw_only):
    default = getattr(cls, a_name, MISSING)
    f = default if isinstance(default, Field) else field(default=default)
    f.name = a_name
    f.type = a_type
    f._field_type = _FIELD
    typing = sys.modules.get('typing')
    if typing:
        if (_is_classvar(a_type, typing) or
                (isinstance(f.type, str) and
                 _is_type(f.type, cls, typing, typing.ClassVar, _is_classvar))):
            f._field_type = _FIELD_CLASSVAR
    if f._field_type is _FIELD:
        dataclasses = sys.modules[__name__]
        if (_is_initvar(a_type, dataclasses) or
                (isinstance(f.type, str) and
                 _is_type(f.type, cls, dataclasses, dataclasses.InitVar, _is_initvar))):
            f._field_type = _FIELD_INITVAR
    if f._field_type in (_FIELD_CLASSVAR, _FIELD_INITVAR):
        if f.default_factory is not MISSING:
            raise TypeError(f'field {f.name} cannot have a default factory')
    if f._field_type in (_FIELD, _FIELD_INITVAR):
        if f.kw_only is MISSING:
            f.kw_only = default_kw_only
    elif f.kw_only is not MISSING:
        raise TypeError(f'field {f.name} is a ClassVar but specifies kw_only')
    # Unhashable stands for mutable: a shared list default is a bug.
    if f._field_type is _FIELD and f.default.__class__.__hash__ is None:
        raise ValueError(f'mutable default {type(f.default)} for field '
                         f'{f.name} is not allowed: use default_factory')
    return f


# ---- making the methods ----

# Compiled __create_fn__ sources, by their text.
_code_cache = {}


def _make_methods(source, globals, values):
    # Runs `def __create_fn__(<values>): ... return (<methods>)` and calls it.
    code = _code_cache.get(source)
    if code is None:
        code = _code_cache[source] = compile(source, '<string>', 'exec')
    ns = {}
    exec(code, globals, ns)
    return ns['__create_fn__'](**values)


def _tuple_str(obj_name, names):
    if not names:
        return '()'
    return f'({",".join([f"{obj_name}.{n}" for n in names])},)'


def _init_source(fields, std_fields, kw_only_fields, frozen, has_post_init, self_name,
                 slots, values):
    # The text of __init__; the values it needs go into `values`.
    seen_default = False
    for f in std_fields:
        if f.init:
            if not (f.default is MISSING and f.default_factory is MISSING):
                seen_default = True
            elif seen_default:
                raise TypeError(f'non-default argument {f.name!r} follows default argument')

    def assign(name, value):
        if frozen:
            return f'__dataclass_builtins_object__.__setattr__({self_name},{name!r},{value})'
        return f'{self_name}.{name}={value}'

    body = []
    for f in fields:
        dflt = f'_dflt_{f.name}'
        if f.default_factory is not MISSING:
            values[dflt] = f.default_factory
            if f.init:
                value = f'{dflt}() if {f.name} is _HAS_DEFAULT_FACTORY else {f.name}'
            else:
                value = f'{dflt}()'
        elif f.init:
            if f.default is not MISSING:
                values[dflt] = f.default
            value = f.name
        elif slots and f.default is not MISSING:
            values[dflt] = f.default
            value = dflt
        else:
            continue   # the class attribute holds the default
        if f._field_type is not _FIELD_INITVAR:
            body.append(assign(f.name, value))
    if has_post_init:
        params = ','.join(f.name for f in fields if f._field_type is _FIELD_INITVAR)
        body.append(f'{self_name}.{_POST_INIT_NAME}({params})')

    def param(f):
        if f.default is not MISSING:
            return f'{f.name}=_dflt_{f.name}'
        if f.default_factory is not MISSING:
            return f'{f.name}=_HAS_DEFAULT_FACTORY'
        return f.name

    params = [self_name] + [param(f) for f in std_fields]
    if kw_only_fields:
        params += ['*'] + [param(f) for f in kw_only_fields]
    lines = '\n'.join(f'  {b}' for b in body or ['pass'])
    return f' def __init__({",".join(params)}):\n{lines}\n'


def _cmp_source(name, op, names):
    return (f' def {name}(self, other):\n'
            f'  if other.__class__ is self.__class__:\n'
            f'   return {_tuple_str("self", names)}{op}{_tuple_str("other", names)}\n'
            f'  return NotImplemented\n')


def _frozen_source(names):
    fields = '(' + ','.join(repr(n) for n in names) + ',)' if names else '()'
    return (f' def __setattr__(self, name, value):\n'
            f'  if type(self) is cls or name in {fields}:\n'
            f'   raise FrozenInstanceError(f"cannot assign to field {{name!r}}")\n'
            f'  super(cls, self).__setattr__(name, value)\n'
            f' def __delattr__(self, name):\n'
            f'  if type(self) is cls or name in {fields}:\n'
            f'   raise FrozenInstanceError(f"cannot delete field {{name!r}}")\n'
            f'  super(cls, self).__delattr__(name)\n')


def _repr_source(names):
    items = ', '.join([f"{n}={{self.{n}!r}}" for n in names])
    return f' def __repr__(self):\n  return self.__class__.__qualname__ + f"({items})"\n'


def _hash_source(names):
    return f' def __hash__(self):\n  return hash({_tuple_str("self", names)})\n'


# What to do about __hash__, by (unsafe_hash, eq, frozen, explicit __hash__):
# 'add' one, set it to None ('none'), 'raise', or nothing (None).
_hash_action = {(False, False, False, False): None, (False, False, False, True): None,
                (False, False, True, False): None, (False, False, True, True): None,
                (False, True, False, False): 'none', (False, True, False, True): None,
                (False, True, True, False): 'add', (False, True, True, True): None,
                (True, False, False, False): 'add', (True, False, False, True): 'raise',
                (True, False, True, False): 'add', (True, False, True, True): 'raise',
                (True, True, False, False): 'add', (True, True, False, True): 'raise',
                (True, True, True, False): 'add', (True, True, True, True): 'raise'}


# ---- the class docstring: CPython's str(inspect.signature(cls)) ----

def _format_annotation(a):
    if getattr(a, '__module__', None) == 'typing':
        return repr(a).replace('typing.', '')
    if isinstance(a, GenericAlias):
        return str(a)
    if isinstance(a, type):
        if a.__module__ == 'builtins':
            return a.__qualname__
        return f'{a.__module__}.{a.__qualname__}'
    return repr(a)


def _fields_signature(std_fields, kw_only_fields):
    def param(f):
        s = f'{f.name}: {_format_annotation(f.type)}'
        if f.default is not MISSING:
            s += f' = {f.default!r}'
        elif f.default_factory is not MISSING:
            s += ' = <factory>'
        return s
    params = [param(f) for f in std_fields]
    if kw_only_fields:
        params += ['*'] + [param(f) for f in kw_only_fields]
    return '(' + ', '.join(params) + ')'


def _function_signature(fn, skip_first):
    # The text of a plain function's signature, from its code object.
    co = fn.__code__
    ann = getattr(fn, '__annotations__', None) or {}
    names = co.co_varnames
    npos = co.co_argcount
    nkw = co.co_kwonlyargcount
    defaults = fn.__defaults__ or ()
    kwdefaults = fn.__kwdefaults__ or {}

    def fmt(name, has_default, default):
        s = name
        if name in ann:
            s += f': {_format_annotation(ann[name])}'
            if has_default:
                s += f' = {default!r}'
        elif has_default:
            s += f'={default!r}'
        return s
    params = []
    first_default = npos - len(defaults)
    for i in range(npos):
        params.append(fmt(names[i], i >= first_default,
                          defaults[i - first_default] if i >= first_default else None))
        if co.co_posonlyargcount and i == co.co_posonlyargcount - 1:
            params.append('/')
    i = npos + nkw
    if co.co_flags & 0x04:
        params.append('*' + fmt(names[i], False, None))
        i += 1
    elif nkw:
        params.append('*')
    for k in range(npos, npos + nkw):
        n = names[k]
        params.append(fmt(n, n in kwdefaults, kwdefaults.get(n)))
    if co.co_flags & 0x08:
        params.append('**' + fmt(names[i], False, None))
    if skip_first and params:
        params.pop(0)
        if params and params[0] == '/':
            params.pop(0)
    return '(' + ', '.join(params) + ')'


def _class_doc(cls, generated_init, std_fields, kw_only_fields):
    if generated_init:
        return cls.__name__ + _fields_signature(std_fields, kw_only_fields)
    init = cls.__init__
    if isinstance(init, _FunctionType):
        try:
            return cls.__name__ + _function_signature(init, True)
        except (AttributeError, IndexError):
            return cls.__name__
    return cls.__name__ + '()' if init is object.__init__ else cls.__name__


# ---- processing a class ----

def _set_qualname(cls, value):
    if isinstance(value, _FunctionType):
        value.__qualname__ = f"{cls.__qualname__}.{value.__name__}"
    return value


def _set_new_attribute(cls, name, value):
    # Never overwrites: True when the class defines the name already.
    if name in cls.__dict__:
        return True
    _set_qualname(cls, value)
    setattr(cls, name, value)
    return False


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only,
                   slots, weakref_slot):
    fields = {}
    module = sys.modules.get(cls.__module__)
    globals = module.__dict__ if module is not None else {}
    setattr(cls, _PARAMS, _DataclassParams(init, repr, eq, order, unsafe_hash, frozen))

    # The bases' fields first, most basic first, so that a subclass's
    # definition of a field replaces the inherited one in place.
    any_frozen_base = False
    has_dataclass_bases = False
    for b in cls.__mro__[-1:0:-1]:
        base_fields = getattr(b, _FIELDS, None)
        if base_fields is not None:
            has_dataclass_bases = True
            for f in base_fields.values():
                fields[f.name] = f
            if getattr(b, _PARAMS).frozen:
                any_frozen_base = True

    cls_annotations = cls.__dict__.get('__annotations__', {})
    cls_fields = []
    KW_ONLY_seen = False
    dataclasses = sys.modules[__name__]
    for name, type_ in cls_annotations.items():
        if (_is_kw_only(type_, dataclasses) or
                (isinstance(type_, str) and
                 _is_type(type_, cls, dataclasses, dataclasses.KW_ONLY, _is_kw_only))):
            if KW_ONLY_seen:
                raise TypeError(f'{name!r} is KW_ONLY, but KW_ONLY has already been specified')
            KW_ONLY_seen = True
            kw_only = True
        else:
            cls_fields.append(_get_field(cls, name, type_, kw_only))

    for f in cls_fields:
        fields[f.name] = f
        # The class attribute becomes the plain default (or goes away).
        if isinstance(getattr(cls, f.name, None), Field):
            if f.default is MISSING:
                delattr(cls, f.name)
            else:
                setattr(cls, f.name, f.default)

    for name, value in cls.__dict__.items():
        if isinstance(value, Field) and name not in cls_annotations:
            raise TypeError(f'{name!r} is a field but has no type annotation')

    if has_dataclass_bases:
        if any_frozen_base and not frozen:
            raise TypeError('cannot inherit non-frozen dataclass from a frozen one')
        if not any_frozen_base and frozen:
            raise TypeError('cannot inherit frozen dataclass from a non-frozen one')

    setattr(cls, _FIELDS, fields)

    # An explicit __hash__: not the None that defining __eq__ implies.
    class_hash = cls.__dict__.get('__hash__', MISSING)
    has_explicit_hash = not (class_hash is MISSING or
                             (class_hash is None and '__eq__' in cls.__dict__))
    if order and not eq:
        raise ValueError('eq must be true if order is true')

    all_init_fields = [f for f in fields.values() if f._field_type in (_FIELD, _FIELD_INITVAR)]
    std_init_fields = tuple(f for f in all_init_fields if f.init and not f.kw_only)
    kw_only_init_fields = tuple(f for f in all_init_fields if f.init and f.kw_only)
    field_list = [f for f in fields.values() if f._field_type is _FIELD]

    # One source text for every method this class gets (in this order).
    values = {'_HAS_DEFAULT_FACTORY': _HAS_DEFAULT_FACTORY,
              '__dataclass_builtins_object__': object,
              'FrozenInstanceError': FrozenInstanceError, 'cls': cls}
    parts = []
    made = []
    if init and '__init__' not in cls.__dict__:
        self_name = '__dataclass_self__' if 'self' in fields else 'self'
        parts.append(_init_source(all_init_fields, std_init_fields, kw_only_init_fields,
                                  frozen, hasattr(cls, _POST_INIT_NAME), self_name, slots,
                                  values))
        made.append('__init__')
    elif init:
        # Still checked, as CPython builds the method before not setting it.
        _init_source(all_init_fields, std_init_fields, kw_only_init_fields, frozen, False,
                     'self', slots, {})
    if repr and '__repr__' not in cls.__dict__:
        parts.append(_repr_source([f.name for f in field_list if f.repr]))
        made.append('__repr__')
    compare_names = [f.name for f in field_list if f.compare]
    if eq and '__eq__' not in cls.__dict__:
        parts.append(_cmp_source('__eq__', '==', compare_names))
        made.append('__eq__')
    if order:
        for name, op in (('__lt__', '<'), ('__le__', '<='), ('__gt__', '>'), ('__ge__', '>=')):
            if name in cls.__dict__:
                raise TypeError(f'Cannot overwrite attribute {name} '
                                f'in class {cls.__name__}. Consider using '
                                'functools.total_ordering')
            parts.append(_cmp_source(name, op, compare_names))
            made.append(name)
    if frozen:
        for name in ('__setattr__', '__delattr__'):
            if name in cls.__dict__:
                raise TypeError(f'Cannot overwrite attribute {name} in class {cls.__name__}')
        parts.append(_frozen_source([f.name for f in field_list]))
        made += ['__setattr__', '__delattr__']
    hash_action = _hash_action[bool(unsafe_hash), bool(eq), bool(frozen), has_explicit_hash]
    if hash_action == 'raise':
        raise TypeError(f'Cannot overwrite attribute __hash__ in class {cls.__name__}')
    if hash_action == 'add':
        parts.append(_hash_source([f.name for f in field_list
                                   if (f.compare if f.hash is None else f.hash)]))
        made.append('__hash__')

    if parts:
        source = (f"def __create_fn__({', '.join(values)}):\n" + ''.join(parts) +
                  f" return ({', '.join(made)},)\n")
        methods = _make_methods(source, globals, values)
        for name, fn in zip(made, methods):
            if name == '__init__':
                fn.__annotations__ = {f.name: f.type for f in all_init_fields}
                fn.__annotations__['return'] = None
            elif name == '__repr__':
                fn = _recursive_repr(fn)
            _set_qualname(cls, fn)
            setattr(cls, name, fn)
    if hash_action == 'none':
        cls.__hash__ = None

    if not getattr(cls, '__doc__'):
        cls.__doc__ = _class_doc(cls, '__init__' in made, std_init_fields, kw_only_init_fields)

    if match_args:
        _set_new_attribute(cls, '__match_args__', tuple(f.name for f in std_init_fields))

    if weakref_slot and not slots:
        raise TypeError('weakref_slot is True but slots is False')
    if slots:
        cls = _add_slots(cls, frozen, weakref_slot)

    if hasattr(cls, '__abstractmethods__'):
        import abc
        abc.update_abstractmethods(cls)
    return cls


def _dataclass_getstate(self):
    return [getattr(self, f.name) for f in fields(self)]


def _dataclass_setstate(self, state):
    for f, value in zip(fields(self), state):
        object.__setattr__(self, f.name, value)


def _get_slots(cls):
    slots = cls.__dict__.get('__slots__')
    if slots is None:
        return ()
    if isinstance(slots, str):
        return (slots,)
    if hasattr(slots, '__next__'):
        raise TypeError(f"Slots of '{cls.__name__}' cannot be determined")
    return tuple(slots)


def _add_slots(cls, is_frozen, weakref_slot):
    # A new class: the same body with __slots__ of the field names.
    if '__slots__' in cls.__dict__:
        raise TypeError(f'{cls.__name__} already specifies __slots__')
    cls_dict = dict(cls.__dict__)
    field_names = tuple(f.name for f in fields(cls))
    inherited = set()
    for b in cls.__mro__[1:-1]:
        inherited.update(_get_slots(b))
    names = field_names + (('__weakref__',) if weakref_slot else ())
    cls_dict['__slots__'] = tuple(n for n in names if n not in inherited)
    for name in field_names:
        cls_dict.pop(name, None)
    cls_dict.pop('__dict__', None)
    cls_dict.pop('__weakref__', None)
    qualname = getattr(cls, '__qualname__', None)
    cls = type(cls)(cls.__name__, cls.__bases__, cls_dict)
    if qualname is not None:
        cls.__qualname__ = qualname
    if is_frozen:
        if '__getstate__' not in cls_dict:
            cls.__getstate__ = _dataclass_getstate
        if '__setstate__' not in cls_dict:
            cls.__setstate__ = _dataclass_setstate
    return cls


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False,
              frozen=False, match_args=True, kw_only=False, slots=False, weakref_slot=False):
    """Add dunder methods based on the fields defined in the class (its
    annotations): __init__, __repr__ and __eq__ by default; ordering with
    order=True, __hash__ as CPython's rules say, immutability with
    frozen=True, __slots__ with slots=True."""
    def wrap(cls):
        return _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args,
                              kw_only, slots, weakref_slot)
    if cls is None:
        return wrap
    return wrap(cls)


def fields(class_or_instance):
    """The fields of a dataclass or instance: a tuple of Field."""
    try:
        fields = getattr(class_or_instance, _FIELDS)
    except AttributeError:
        raise TypeError('must be called with a dataclass type or instance') from None
    return tuple(f for f in fields.values() if f._field_type is _FIELD)


def _is_dataclass_instance(obj):
    return hasattr(type(obj), _FIELDS)


def is_dataclass(obj):
    """Whether obj is a dataclass or an instance of one."""
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, _FIELDS)


def _deepcopy(obj):
    try:
        import copy
    except ImportError:
        return obj
    return copy.deepcopy(obj)


def asdict(obj, *, dict_factory=dict):
    """The fields of a dataclass instance as a new dict, recursing into
    dataclasses, lists, tuples and dicts; other values are deep-copied."""
    if not _is_dataclass_instance(obj):
        raise TypeError("asdict() should be called on dataclass instances")
    return _asdict_inner(obj, dict_factory)


def _asdict_inner(obj, dict_factory):
    if _is_dataclass_instance(obj):
        return dict_factory([(f.name, _asdict_inner(getattr(obj, f.name), dict_factory))
                             for f in fields(obj)])
    elif isinstance(obj, tuple) and hasattr(obj, '_fields'):
        return type(obj)(*[_asdict_inner(v, dict_factory) for v in obj])
    elif isinstance(obj, (list, tuple)):
        return type(obj)(_asdict_inner(v, dict_factory) for v in obj)
    elif isinstance(obj, dict):
        return type(obj)((_asdict_inner(k, dict_factory), _asdict_inner(v, dict_factory))
                         for k, v in obj.items())
    return _deepcopy(obj)


def astuple(obj, *, tuple_factory=tuple):
    """The field values of a dataclass instance as a new tuple, recursing as
    asdict() does."""
    if not _is_dataclass_instance(obj):
        raise TypeError("astuple() should be called on dataclass instances")
    return _astuple_inner(obj, tuple_factory)


def _astuple_inner(obj, tuple_factory):
    if _is_dataclass_instance(obj):
        return tuple_factory([_astuple_inner(getattr(obj, f.name), tuple_factory)
                              for f in fields(obj)])
    elif isinstance(obj, tuple) and hasattr(obj, '_fields'):
        return type(obj)(*[_astuple_inner(v, tuple_factory) for v in obj])
    elif isinstance(obj, (list, tuple)):
        return type(obj)(_astuple_inner(v, tuple_factory) for v in obj)
    elif isinstance(obj, dict):
        return type(obj)((_astuple_inner(k, tuple_factory), _astuple_inner(v, tuple_factory))
                         for k, v in obj.items())
    return _deepcopy(obj)


_KEYWORDS = frozenset((
    'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class',
    'continue', 'def', 'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global',
    'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise',
    'return', 'try', 'while', 'with', 'yield'))


def make_dataclass(cls_name, fields, *, bases=(), namespace=None, init=True, repr=True,
                   eq=True, order=False, unsafe_hash=False, frozen=False, match_args=True,
                   kw_only=False, slots=False, weakref_slot=False):
    """A new dataclass named cls_name whose fields are given as name,
    (name, type) or (name, type, Field); a missing type is 'typing.Any'."""
    if namespace is None:
        namespace = {}
    seen = set()
    annotations = {}
    defaults = {}
    for item in fields:
        if isinstance(item, str):
            name = item
            tp = 'typing.Any'
        elif len(item) == 2:
            name, tp, = item
        elif len(item) == 3:
            name, tp, spec = item
            defaults[name] = spec
        else:
            raise TypeError(f'Invalid field: {item!r}')
        if not isinstance(name, str) or not name.isidentifier():
            raise TypeError(f'Field names must be valid identifiers: {name!r}')
        if name in _KEYWORDS:
            raise TypeError(f'Field names must not be keywords: {name!r}')
        if name in seen:
            raise TypeError(f'Field name duplicated: {name!r}')
        seen.add(name)
        annotations[name] = tp

    def exec_body_callback(ns):
        ns.update(namespace)
        ns.update(defaults)
        ns['__annotations__'] = annotations

    import types
    cls = types.new_class(cls_name, bases, {}, exec_body_callback)
    return dataclass(cls, init=init, repr=repr, eq=eq, order=order, unsafe_hash=unsafe_hash,
                     frozen=frozen, match_args=match_args, kw_only=kw_only, slots=slots,
                     weakref_slot=weakref_slot)


def replace(obj, /, **changes):
    """A new instance like obj with the given fields changed (frozen ones
    too)."""
    if not _is_dataclass_instance(obj):
        raise TypeError("replace() should be called on dataclass instances")
    for f in getattr(obj, _FIELDS).values():
        if f._field_type is _FIELD_CLASSVAR:
            continue
        if not f.init:
            if f.name in changes:
                raise ValueError(f'field {f.name} is declared with '
                                 'init=False, it cannot be specified with '
                                 'replace()')
            continue
        if f.name not in changes:
            if f._field_type is _FIELD_INITVAR and f.default is MISSING:
                raise ValueError(f"InitVar {f.name!r} must be specified with replace()")
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)
