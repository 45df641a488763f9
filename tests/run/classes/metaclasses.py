# Metaclasses deriving from type: __new__/__init__ through super(), methods
# of the metaclass on its classes, __call__ (a singleton), calling the
# metaclass directly, and type(name, bases, dict) taking the caller's module.
class M(type):
    pass

class A(metaclass=M):
    x = 1

print(type(A), type(A).__name__, A.x, isinstance(A, M), isinstance(A, type), A().x, type(A()))

class Registry(type):
    classes = []
    def __new__(mcs, name, bases, ns):
        cls = super().__new__(mcs, name, bases, ns)
        mcs.classes.append(name)
        cls.tag = name.lower()
        return cls
    def __init__(cls, name, bases, ns):
        super().__init__(name, bases, ns)
        cls.initialised = True
    def describe(cls):
        return f"class {cls.__name__} tagged {cls.tag}"

class Base(metaclass=Registry):
    pass

class Child(Base):
    def hello(self):
        return "hi"

print(Registry.classes, Base.tag, Child.tag, Child.initialised, Child.describe(), Child().hello(), type(Child) is Registry)

class Singleton(type):
    _instances = {}
    def __call__(cls, *args, **kwargs):
        if cls not in cls._instances:
            cls._instances[cls] = super().__call__(*args, **kwargs)
        return cls._instances[cls]

class Config(metaclass=Singleton):
    def __init__(self, value):
        self.value = value

a = Config(1)
b = Config(2)
print(a is b, a.value, b.value)

X = M("X", (), {"y": 2})
print(X, X.y, type(X))
print(repr(A), A.__name__, A.__qualname__, M.__mro__ if hasattr(M, "__mro__") else None)
import gc
gc.collect()
print(len([M(f"C{i}", (), {}) for i in range(100)]))
print(type("Y", (), {}), type("Z", (A,), {}).x)
