# close() on a generator delegating with `yield from` closes the delegate
# first; a delegate that swallows GeneratorExit and yields again makes that
# close raise RuntimeError, which is thrown into the delegating generator
# (its except and finally blocks see it) and out of close().
def stubborn():
    while True:
        try:
            yield 1
        except GeneratorExit:
            print("stubborn got GeneratorExit")
            yield 2


def polite():
    try:
        yield 1
    finally:
        print("polite finally")


def outer(inner):
    try:
        yield from inner
    except BaseException as e:
        print("outer got", type(e).__name__, e)
        raise
    finally:
        print("outer finally")


g = outer(stubborn())
next(g)
try:
    g.close()
    print("closed quietly")
except RuntimeError as e:
    print("close raised RuntimeError:", e)
print(g.gi_frame)

g = outer(polite())
next(g)
g.close()
print("polite: closed quietly", g.gi_frame)


def two_levels():
    yield from outer(stubborn())


g = two_levels()
next(g)
try:
    g.close()
except RuntimeError as e:
    print("two levels:", e)
