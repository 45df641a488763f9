# isinstance() also believes an object's __class__ attribute (a property
# on its class), as CPython does: mocks with a spec rely on it. A bound
# method's __doc__ is its function's.
class Spec:
    pass


class Pretender:
    @property
    def __class__(self):
        return Spec


class Broken:
    @property
    def __class__(self):
        raise AttributeError('no class')


class NotAType:
    __class__ = 5


p = Pretender()
print(isinstance(p, Spec), isinstance(p, Pretender), isinstance(p, (int, Spec)))
print(type(p).__name__, p.__class__.__name__, issubclass(type(p), Spec))
print(isinstance(Broken(), Spec), isinstance(Broken(), Broken))
print(isinstance(NotAType(), int), isinstance(NotAType(), NotAType))
print(isinstance(3, str), isinstance('x', str))


class WithDocs:
    def method(self):
        """The method's docstring."""

    def undocumented(self):
        pass


w = WithDocs()
print(w.method.__doc__, WithDocs.method.__doc__, w.undocumented.__doc__)
print(w.method.__name__, w.method.__qualname__)
