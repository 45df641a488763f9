# Class creation details: a metaclass __prepare__ gives the namespace (any
# mapping; a dict subclass sees every assignment of the body, reads go
# through its __getitem__), class keywords reach __prepare__, the
# metaclass conflict error, type.__prepare__, __orig_bases__ set after the
# body, and super() in a metaclass reaching type's attribute methods.


class Recording(dict):
    def __init__(self):
        super().__init__()
        self.log = []

    def __setitem__(self, key, value):
        self.log.append(key)
        super().__setitem__(key, value)

    def __missing__(self, key):
        if key == 'magic':
            return 42
        raise KeyError(key)


class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kwds):
        print('prepare', name, bases, kwds)
        return Recording()

    def __new__(mcls, name, bases, ns, **kwds):
        print('new', type(ns).__name__, ns.log)
        return super().__new__(mcls, name, bases, dict(ns))

    def __init__(cls, name, bases, ns, **kwds):
        super().__init__(name, bases, ns)


class A(metaclass=Meta, flag=True):
    x = 1
    y = magic

    def f(self):
        return self.y

    del x


print(A.y, A().f(), hasattr(A, 'x'))
print(type.__prepare__('X', ()), type.__prepare__())


class M1(type):
    pass


class M2(type):
    pass


class B1(metaclass=M1):
    pass


class B2(metaclass=M2):
    pass


try:
    class C(B1, B2):
        pass
except TypeError as e:
    print(type(e).__name__, e)


class BadPrep(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return 5


try:
    class D(metaclass=BadPrep):
        pass
except TypeError as e:
    print(type(e).__name__, e)


class Guard(type):
    def __setattr__(cls, name, value):
        if name == 'locked':
            raise AttributeError('locked is read-only')
        super().__setattr__(name, value)

    def __getattr__(cls, name):
        return 'virtual ' + name


class G(metaclass=Guard):
    real = 1


G.other = 2
print(G.real, G.other, G.anything, G.__name__)
try:
    G.locked = 1
except AttributeError as e:
    print(type(e).__name__, e)
print(type.__getattribute__(G, 'real'), type.__setattr__(G, 'z', 3), G.z)
type.__delattr__(G, 'z')
print(G.z)


class E(list[int]):
    pass


print(E.__orig_bases__, '__orig_bases__' in E.__dict__)
G.__doc__ = 'documented'
print(G.__doc__)
try:
    int.__doc__ = 'x'
except TypeError as e:
    print(type(e).__name__, e)
