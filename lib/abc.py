# abc: abstract base classes (PEP 3119) with CPython 3.11's behaviour.
#
# ABCMeta is a real metaclass: the builtins isinstance and issubclass call
# its __instancecheck__ / __subclasscheck__ (src/runtime/builtins.c), and it
# sets __abstractmethods__, which makes object.__new__ refuse the class
# ("Can't instantiate abstract class A with abstract methods f, g").
# Offered: ABCMeta, ABC, abstractmethod, abstractclassmethod,
# abstractstaticmethod, abstractproperty, get_cache_token,
# update_abstractmethods, register and __subclasshook__.
# Left out: _dump_registry and the _abc_*_clear debugging helpers.
#
# Each ABC keeps its state in one _abc_impl object. Answers are cached
# per ABC; register() bumps the shared invalidation counter, which makes
# every negative answer stale (positive ones stay true). The caches hold
# their classes strongly (aiopy has no weak references); the lists of
# subclasses are weak (_asyncio._WeakSet), so classes made and dropped at
# run time do not pile up there.
from _asyncio import _WeakSet

# The invalidation counter, in a list so that functools can read it live.
_abc_invalidation = [0]


def get_cache_token():
    """The current ABC cache token: it changes whenever an ABC's register()
    adds a virtual subclass."""
    return _abc_invalidation[0]


def abstractmethod(funcobj):
    """Marks a method abstract: a class with one left cannot be instantiated."""
    funcobj.__isabstractmethod__ = True
    return funcobj


class abstractclassmethod(classmethod):
    """Deprecated: use classmethod with abstractmethod."""
    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractstaticmethod(staticmethod):
    """Deprecated: use staticmethod with abstractmethod."""
    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractproperty(property):
    """Deprecated: use property with abstractmethod."""
    __isabstractmethod__ = True


class _AbcState:
    __slots__ = ('registry', 'cache', 'negative', 'negative_version', 'subclasses')

    def __init__(self):
        self.registry = []          # register()ed classes, in order
        self.cache = {}             # classes known to be subclasses
        self.negative = {}          # classes known not to be
        self.negative_version = _abc_invalidation[0]
        self.subclasses = _WeakSet()   # the ABC's direct subclasses


def _compute_abstracts(cls, namespace, bases):
    abstracts = {name for name, value in namespace.items()
                 if getattr(value, "__isabstractmethod__", False)}
    for base in bases:
        for name in getattr(base, "__abstractmethods__", ()):
            if getattr(getattr(cls, name, None), "__isabstractmethod__", False):
                abstracts.add(name)
    return frozenset(abstracts)


class ABCMeta(type):
    """Metaclass for defining Abstract Base Classes (ABCs)."""

    def __new__(mcls, name, bases, namespace, /, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        cls.__abstractmethods__ = _compute_abstracts(cls, namespace, bases)
        cls._abc_impl = _AbcState()
        for base in bases:
            impl = base.__dict__.get('_abc_impl')
            if impl is not None:
                impl.subclasses.add(cls)
        return cls

    def register(cls, subclass):
        """Register a virtual subclass of an ABC; returns it, so that it
        can be used as a class decorator."""
        if not isinstance(subclass, type):
            raise TypeError("Can only register classes")
        if issubclass(subclass, cls):
            return subclass
        # A cycle is looked for only after "already a subclass", as CPython.
        if issubclass(cls, subclass):
            raise RuntimeError("Refusing to create an inheritance cycle")
        cls._abc_impl.registry.append(subclass)
        _abc_invalidation[0] += 1
        return subclass

    def __instancecheck__(cls, instance):
        """Override for isinstance(instance, cls)."""
        subclass = instance.__class__
        impl = cls._abc_impl
        if subclass in impl.cache:
            return True
        subtype = type(instance)
        if subtype is subclass:
            if impl.negative_version == _abc_invalidation[0] and subclass in impl.negative:
                return False
            return cls.__subclasscheck__(subclass)
        return cls.__subclasscheck__(subclass) or cls.__subclasscheck__(subtype)

    def __subclasscheck__(cls, subclass):
        """Override for issubclass(subclass, cls)."""
        if not isinstance(subclass, type):
            raise TypeError('issubclass() arg 1 must be a class')
        impl = cls._abc_impl
        if subclass in impl.cache:
            return True
        if impl.negative_version != _abc_invalidation[0]:
            impl.negative = {}
            impl.negative_version = _abc_invalidation[0]
        elif subclass in impl.negative:
            return False
        ok = cls.__subclasshook__(subclass)
        if ok is not NotImplemented:
            if not isinstance(ok, bool):
                raise AssertionError
            (impl.cache if ok else impl.negative)[subclass] = True
            return ok
        if cls in subclass.__mro__ or any(issubclass(subclass, r) for r in impl.registry) or \
                any(issubclass(subclass, s) for s in impl.subclasses):
            impl.cache[subclass] = True
            return True
        impl.negative[subclass] = True
        return False

    def _abc_registry_clear(cls):
        cls._abc_impl.registry.clear()

    def _abc_caches_clear(cls):
        impl = cls._abc_impl
        impl.cache.clear()
        impl.negative.clear()


def update_abstractmethods(cls):
    """Recompute an ABC's abstract methods after methods were added to it
    later (dataclasses calls it); returns cls."""
    if not hasattr(cls, '__abstractmethods__'):
        return cls
    abstracts = set()
    for base in cls.__bases__:
        for name in getattr(base, '__abstractmethods__', ()):
            if getattr(getattr(cls, name, None), "__isabstractmethod__", False):
                abstracts.add(name)
    for name, value in cls.__dict__.items():
        if getattr(value, "__isabstractmethod__", False):
            abstracts.add(name)
    cls.__abstractmethods__ = frozenset(abstracts)
    return cls


class ABC(metaclass=ABCMeta):
    """Helper class that provides a standard way to create an ABC using
    inheritance."""
    __slots__ = ()
