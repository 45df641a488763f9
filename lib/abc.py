# abc: abstract base classes without a metaclass. An ABC carries _abc_impl
# (a function (cls, subclass) -> bool) that the builtins isinstance and
# issubclass consult when the ordinary subclass test fails; instantiation
# refuses classes whose abstract methods are not all overridden.

def abstractmethod(funcobj):
    funcobj.__isabstractmethod__ = True
    return funcobj

# Answers are cached per ABC, as CPython does; register() invalidates
# every cache by bumping the shared counter.
_abc_invalidation = [0]

def _abc_subclasscheck(cls, subclass):
    cache = cls.__dict__.get('_abc_cache')
    if cache is None or cache[0] != _abc_invalidation[0]:
        cache = (_abc_invalidation[0], {})
        cls._abc_cache = cache
    found = cache[1].get(subclass)
    if found is None:
        found = _abc_compute(cls, subclass)
        cache[1][subclass] = found
    return found

def _abc_compute(cls, subclass):
    ok = cls.__subclasshook__(subclass)
    if ok is not NotImplemented:
        return bool(ok)
    if cls in getattr(subclass, '__mro__', ()):
        return True
    for scls in cls.__dict__.get('_abc_registry', ()):
        if issubclass(subclass, scls):
            return True
    return False

def _abc_abstracts(cls):
    if '_abc_abstracts' in cls.__dict__:
        return cls._abc_abstracts
    names = set()
    for base in cls.__mro__:
        if base is object:
            continue
        for name in base.__dict__:
            if getattr(getattr(cls, name, None), '__isabstractmethod__', False):
                names.add(name)
    found = sorted(names)
    cls._abc_abstracts = found
    return found

def _abc_new(cls):
    abstracts = _abc_abstracts(cls)
    if abstracts:
        s = 's' if len(abstracts) > 1 else ''
        raise TypeError(f"Can't instantiate abstract class {cls.__name__} with abstract method{s} {', '.join(abstracts)}")
    return object.__new__(cls)

def _abc_register(cls, subclass):
    if not isinstance(subclass, type):
        raise TypeError("Can only register classes")
    if '_abc_registry' not in cls.__dict__:
        cls._abc_registry = []
    cls._abc_registry.append(subclass)
    _abc_invalidation[0] += 1
    return subclass

class ABC:
    _abc_impl = staticmethod(_abc_subclasscheck)
    register = classmethod(_abc_register)
    def __new__(cls, *args, **kwargs):
        return _abc_new(cls)

ABCMeta = type
