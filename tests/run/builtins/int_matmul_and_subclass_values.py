# Small fixes found while writing the stdlib: ints refuse @ with a
# TypeError (not NotImplemented), str.__getnewargs__ and bytes() give the
# plain value of a subclass instance, and private names in __slots__ are
# mangled with the class name.
for a, b in ((1, 2), (1, 2.0), (2 ** 70, 1), (True, 3)):
    try:
        print(a @ b)
    except TypeError as e:
        print(type(e).__name__, e)
x = 3
try:
    x @= 4
except TypeError as e:
    print(type(e).__name__, e)

class S(str):
    pass
class B(bytes):
    pass
s = S('abc')
print([type(v).__name__ for v in s.__getnewargs__()], s.__getnewargs__())
print(type(bytes(B(b'xy'))).__name__, bytes(B(b'xy')), type(bytes(b'q')).__name__)

class Slotted:
    __slots__ = ('a', '__b', '__c__')
    def __init__(self):
        self.a = 1
        self.__b = 2
        self.__c__ = 3
    def get_b(self):
        return self.__b
o = Slotted()
print(o.a, o.get_b(), o._Slotted__b, o.__c__)
try:
    o.__b = 5
except AttributeError as e:
    print(type(e).__name__, e)
class _Under:
    __slots__ = ('__x',)
    def set(self):
        self.__x = 1
        return self._Under__x
print(_Under().set())
