# abc.ABCMeta as a real metaclass: abstract methods (also through property,
# classmethod and staticmethod) block instantiation with CPython's message,
# register() adds virtual subclasses, __subclasshook__ decides
# structurally, and subclasses of a registered ABC are found.
import abc
from abc import ABC, ABCMeta, abstractmethod


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


class Shape(ABC):
    @abstractmethod
    def area(self): ...

    @abstractmethod
    def perimeter(self): ...


class Square(Shape):
    def __init__(self, s):
        self.s = s

    def area(self):
        return self.s ** 2


class Full(Square):
    def perimeter(self):
        return 4 * self.s


show(lambda: Shape())
show(lambda: Square(2))
show(lambda: Full(2).area())
show(lambda: sorted(Shape.__abstractmethods__))
show(lambda: Square.__abstractmethods__)
show(lambda: Full.__abstractmethods__)
show(lambda: type(Shape))
show(lambda: isinstance(Full(1), Shape))


class Props(metaclass=ABCMeta):
    @property
    @abstractmethod
    def x(self): ...

    @classmethod
    @abstractmethod
    def make(cls): ...

    @staticmethod
    @abstractmethod
    def helper(): ...


show(lambda: Props())


class Old(ABC):
    x = abc.abstractproperty()


show(lambda: Old())
show(lambda: type(ABC()).__name__)


class Sized(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Sized:
            return any('__len__' in B.__dict__ for B in C.__mro__) or NotImplemented
        return NotImplemented


class HasLen:
    def __len__(self):
        return 0


show(lambda: (isinstance(HasLen(), Sized), issubclass(list, Sized), issubclass(int, Sized)))


class Registry(ABC):
    pass


Registry.register(int)


@Registry.register
class Plain:
    pass


show(lambda: Plain)
show(lambda: (isinstance(1, Registry), issubclass(bool, Registry), issubclass(str, Registry)))
show(lambda: issubclass(Plain, Registry))


class Sub(Registry):
    pass


Sub.register(float)
show(lambda: (issubclass(float, Sub), issubclass(float, Registry)))
show(lambda: Registry.register(Sub))
show(lambda: Sub.register(Registry))
show(lambda: Registry.register(3))
show(lambda: issubclass(3, Registry))
show(lambda: abc.get_cache_token() == abc.get_cache_token())


class Meta(ABCMeta):
    pass


class WithMeta(metaclass=Meta):
    @abstractmethod
    def run(self): ...


class Runner(WithMeta):
    def run(self):
        return 'ran'


show(lambda: WithMeta())
show(lambda: (Runner().run(), isinstance(Runner(), WithMeta)))


class Later(ABC):
    @abstractmethod
    def a(self): ...


Later.b = abstractmethod(lambda self: 0)
show(lambda: sorted(abc.update_abstractmethods(Later).__abstractmethods__))
Later.a = lambda self: 1
Later.b = lambda self: 2
show(lambda: abc.update_abstractmethods(Later).__abstractmethods__)
show(lambda: Later().b())
