# PEP 560: a base that is not a class but has __mro_entries__ stands for
# the classes it returns; the class keeps the original bases.
from contextvars import ContextVar


class Base:
    pass


class Other:
    pass


class Entries:
    def __init__(self, *classes):
        self.classes = classes

    def __mro_entries__(self, bases):
        print('mro_entries got', [getattr(b, '__name__', 'Entries') for b in bases])
        return self.classes


class A(Entries(Base), Other):
    pass


print(A.__bases__, A.__orig_bases__ [1] is Other, type(A.__orig_bases__[0]).__name__)
print([c.__name__ for c in A.__mro__])


class B(Other, Entries(), Base):
    pass


print(B.__bases__, len(B.__orig_bases__))


class C(Base):
    pass


print('__orig_bases__' in C.__dict__)


class Bad:
    def __mro_entries__(self, bases):
        return [Base]


try:
    class D(Bad()):
        pass
except TypeError as e:
    print('TypeError:', e)

try:
    class E(ContextVar[int]):
        pass
except TypeError as e:
    print('TypeError:', e)


class NotABase:
    pass


try:
    class F(NotABase()):
        pass
except TypeError as e:
    print('TypeError:', e)
