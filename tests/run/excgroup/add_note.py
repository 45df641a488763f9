# BaseException.add_note() and __notes__, an ordinary attribute.
e = ValueError("v")
print(hasattr(e, "__notes__"))
e.add_note("first")
e.add_note("second")
print(e.__notes__, e.__dict__)
for bad in (1, b"x", None):
    try:
        e.add_note(bad)
    except TypeError as err:
        print("TypeError:", err)
try:
    e.add_note()
except TypeError as err:
    print("TypeError:", err)
e.__notes__ = ("not", "a list")
try:
    e.add_note("x")
except TypeError as err:
    print("TypeError:", err)
del e.__notes__
e.add_note("again")
print(e.__notes__)

class Prop(Exception):
    @property
    def __notes__(self):
        raise RuntimeError("no notes here")
    @__notes__.setter
    def __notes__(self, value):
        print("set", value)
try:
    Prop().add_note("x")
except RuntimeError as err:
    print("RuntimeError:", err)
eg = ExceptionGroup("g", [ValueError()])
eg.add_note("group note")
print(eg.__notes__)
