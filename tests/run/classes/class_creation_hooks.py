# The hooks type() runs when a class statement ends: __set_name__ on the
# namespace's values, then the bases' __init_subclass__ with the class
# keywords; __init_subclass__ and __class_getitem__ are implicit classmethods.

class Field:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = "_" + name
    def __get__(self, obj, typ=None):
        return self if obj is None else getattr(obj, self.name, None)
    def __set__(self, obj, value):
        setattr(obj, self.name, value)

class Point:
    x = Field()
    y = Field()
    def __init__(self, x, y):
        self.x, self.y = x, y

p = Point(1, 2)
print(p.x, p.y, p._x, Point.x.name)


class Registry:
    plugins = []
    def __init_subclass__(cls, *, name=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.plugin_name = name or cls.__name__.lower()
        Registry.plugins.append(cls.plugin_name)

class Alpha(Registry, name="first"):
    pass

class Beta(Registry):
    pass

class Gamma(Beta, name="third"):
    pass

print(Registry.plugins, Gamma.plugin_name, Beta.plugin_name)
print(type(Registry.__dict__["__init_subclass__"]).__name__)

# Unused class keywords reach object.__init_subclass__, which refuses them.
try:
    class Bad(flag=1):
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    class Bad2(Registry, name="x", colour="red"):
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    object.__init_subclass__(1)
except TypeError as e:
    print("TypeError:", e)
print(object.__init_subclass__())

# type() with keywords runs the same hooks.
T = type("T", (Registry,), {"f": Field()}, name="made")
print(T.plugin_name, Registry.plugins[-1])


# An error in __set_name__ is reported as a RuntimeError caused by it.
class Broken:
    def __set_name__(self, owner, name):
        raise ValueError("no " + name)

try:
    class Holder:
        b = Broken()
except RuntimeError as e:
    print("RuntimeError:", e)
    print(repr(e.__cause__), e.__context__ is e.__cause__)


# __set_name__ sees the finished class, before __init_subclass__ runs.
class Order:
    def __set_name__(self, owner, name):
        print("set_name sees", sorted(k for k in vars(owner) if not k.startswith("__")))

class Base:
    def __init_subclass__(cls):
        print("init_subclass of", cls.__name__)

class Derived(Base):
    o = Order()
    z = 1


# __class_getitem__ without @classmethod.
class Box:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item.__name__}]"

print(Box[int], type(Box.__dict__["__class_getitem__"]).__name__)


# A metaclass that passes the keywords on to type.__new__.
class Tagged:
    def __init_subclass__(cls, tag="-", **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag

class Meta(type):
    def __new__(mcs, name, bases, ns, **kw):
        print("Meta.__new__", name, kw)
        return super().__new__(mcs, name, bases, ns, **kw)
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)

class WithMeta(Tagged, metaclass=Meta, tag="meta"):
    pass

print(WithMeta.tag, type(WithMeta).__name__)
