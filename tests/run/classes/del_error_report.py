# An exception escaping __del__ is reported as "Exception ignored in:" with
# the __del__ function that raised it (CPython 3.11's wording), and the
# program goes on, also after a SystemExit there.
import sys

class A:
    def __del__(self):
        raise ValueError("from del")

class B(A):
    pass

class C:
    def __del__(self):
        sys.exit(3)

a = A()
del a
print("after A")
b = B()
del b
print("after B")
c = C()
del c
print("after C")
