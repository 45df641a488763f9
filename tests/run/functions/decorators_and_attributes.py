# Decorators, function attributes, docstrings, repr of functions.
def deco(fn):
    def wrapper(*a):
        return ("wrapped", fn(*a))
    return wrapper
@deco
def add(a, b):
    "Adds."
    return a + b
print(add(1, 2), add.__name__, add.__qualname__)
def doc():
    """The doc."""
print(doc.__doc__, add.__doc__)
class K:
    def m(self):
        pass
print(K.m.__qualname__, K().m.__func__ is K.m)
print(repr(doc).startswith("<function doc at 0x"))
doc.extra = 5
print(doc.extra)
