# Class bodies are namespaces; default reprs; __str__ vs __repr__; __class__.
class Point:
    """A point."""
    dims = 2
    def __init__(self, x=0, y=0):
        self.x = x
        self.y = y
    def __str__(self):
        return f"({self.x}, {self.y})"
p = Point(1, 2)
print(str(p), p.__class__.__name__, Point.__doc__, Point.dims, p.dims)
print(type(p))
print(Point, Point.__module__, Point.__init__.__qualname__)
class Counter:
    instances = []
    def __init__(self):
        Counter.instances.append(self)
        self.__private = 1
    def peek(self):
        return self.__private
c = Counter()
Counter()
print(len(Counter.instances), c.peek(), c._Counter__private)
class WithSlots:
    def method(self):
        return __class__.__name__
print(WithSlots().method())
def make():
    class Local:
        pass
    return Local
print(make().__qualname__)
class Base:
    def __init_subclass__(cls, **kw):
        pass
class Child(Base):
    pass
print(Child.__bases__)
