# __slots__: instances accept only the declared names (also through base
# classes), have no __dict__, and a subclass without __slots__ gets one
# back; deleting an unset slot, and __slots__ on str/int subclasses.
class A:
    __slots__ = ("x", "y")
a = A()
a.x = 1
print(a.x)
try:
    print(a.y)
except AttributeError as e:
    print(e)
try:
    a.z = 3
except AttributeError as e:
    print(e)
try:
    print(a.__dict__)
except AttributeError as e:
    print(e)
class B(A):
    pass
b = B(); b.z = 4; print(b.z, b.__dict__)
class C(A):
    __slots__ = "w"
c = C(); c.w = 1; c.x = 2
try:
    c.q = 1
except AttributeError as e:
    print(e)
print(A.__slots__, C.__slots__)
del a.x
try:
    del a.x
except AttributeError as e:
    print(e)
class S(str):
    __slots__ = ()
s = S("ab")
print(s, len(s), s.upper())
try:
    s.x = 1
except AttributeError as e:
    print("AttributeError", e)
class I(int):
    __slots__ = ()
print(I(5) + 1)
