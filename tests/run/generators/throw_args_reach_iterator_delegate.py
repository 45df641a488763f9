# throw() into a generator that delegates with `yield from` to an iterator
# that is not a generator hands that iterator's throw() the arguments as
# they were given (a type stays a type, extra values stay), at any depth.
class Catcher:
    def __iter__(self):
        return self

    def __next__(self):
        return "next"

    def throw(self, *args):
        shown = [a.__name__ if isinstance(a, type) else repr(a) for a in args]
        print("throw got", len(args), shown)
        return "caught"


def one_level():
    yield from Catcher()


def two_levels():
    yield from one_level()


for make in (one_level, two_levels):
    g = make()
    next(g)
    print(g.throw(ValueError))
    print(g.throw(ValueError, "msg"))
    print(g.throw(ValueError, ValueError("inst")))
    print(g.throw(KeyError("k"), None, None))
    g.close()


class Refuser(Catcher):
    def throw(self, typ, val=None, tb=None):
        raise typ if val is None else val




def refusing():
    try:
        yield from Refuser()
    except ValueError as e:
        print("delegating generator got", repr(e))
        yield "recovered"


g = refusing()
next(g)
print(g.throw(ValueError))
g = refusing()
next(g)
print(g.throw(ValueError, "with message"))
