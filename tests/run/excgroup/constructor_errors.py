# BaseExceptionGroup.__new__ checks its arguments with CPython's messages.
def attempt(make):
    try:
        print("ok", repr(make()))
    except BaseException as e:
        print(type(e).__name__ + ":", e)

class Indexable:
    def __len__(self):
        return 2
    def __getitem__(self, i):
        if i < 2:
            return ValueError(i)
        raise IndexError(i)

attempt(lambda: ExceptionGroup())
attempt(lambda: ExceptionGroup("a"))
attempt(lambda: ExceptionGroup("a", [ValueError()], 3))
attempt(lambda: ExceptionGroup(1, [ValueError()]))
attempt(lambda: ExceptionGroup(None, [ValueError()]))
attempt(lambda: ExceptionGroup("a", 5))
attempt(lambda: ExceptionGroup("a", {ValueError()}))
attempt(lambda: ExceptionGroup("a", {1: ValueError()}))
attempt(lambda: ExceptionGroup("a", []))
attempt(lambda: ExceptionGroup("a", ()))
attempt(lambda: ExceptionGroup("a", [ValueError(), 1]))
attempt(lambda: ExceptionGroup("a", [ValueError, 1]))
attempt(lambda: ExceptionGroup("a", "abc"))
attempt(lambda: ExceptionGroup("a", b"abc"))
attempt(lambda: ExceptionGroup("a", range(3)))
attempt(lambda: ExceptionGroup("a", [ValueError(1)], x=1))
attempt(lambda: ExceptionGroup(message="a", exceptions=[ValueError(1)]))
attempt(lambda: ExceptionGroup("a", [KeyboardInterrupt()]))
attempt(lambda: ExceptionGroup("i", Indexable()).exceptions)

# What counts as a sequence: indexable and not a mapping.
class NoGetitem:
    def __iter__(self):
        return iter([ValueError()])
class Getitem:
    def __getitem__(self, i):
        if i:
            raise IndexError
        return ValueError(i)
class Dict(dict):
    def __getitem__(self, i):
        return ValueError()
class List(list):
    pass
for v in (NoGetitem(), Getitem(), Dict(), List([KeyError()]), iter([ValueError()]), (x for x in [ValueError()])):
    attempt(lambda: ExceptionGroup("m", v).exceptions)
