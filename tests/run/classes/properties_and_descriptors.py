# property, staticmethod, classmethod, __getattr__, class-level counters.
class Temp:
    count = 0
    def __init__(self, c):
        self._c = c
        Temp.count += 1
    @property
    def f(self):
        return self._c * 9 / 5 + 32
    @f.setter
    def f(self, v):
        self._c = (v - 32) * 5 / 9
    @staticmethod
    def unit():
        return "C"
    @classmethod
    def make(cls, c):
        return cls(c)
t = Temp.make(100)
print(t.f, Temp.unit(), t.unit(), Temp.count)
t.f = 32
print(t._c)
class Dyn:
    def __getattr__(self, name):
        return name.upper()
print(Dyn().hello)
try:
    t.missing
except AttributeError as e:
    print(e)
class NoSetter:
    @property
    def p(self):
        return 1
try:
    NoSetter().p = 2
except AttributeError as e:
    print(e)
