# Class definitions.
class A:
    pass

class B(A):
    x = 1

class C(A, B, metaclass=M, **kw):
    """doc"""
    attr: int = 0
    def method(self, x):
        self.x = x
        return super().method(x)
    @property
    def y(self): return self.x
    @staticmethod
    def s(): pass

class D():
    pass

@decorator
class E(*bases):
    class Inner:
        pass
