# A generator that yields again when its collector closes it: the error is
# reported as "Exception ignored in: <generator object ...>" (the object,
# as CPython's report for a builtin finaliser), and the program goes on.
def stubborn(tag):
    try:
        yield 1
    finally:
        print('finally', tag)
        yield 2


def middle():
    # only the delegate has cleanup
    yield from stubborn('inner')


g = stubborn('plain')
next(g)
del g
print('after del')

try:
    for v in middle():
        raise KeyError('k')
except KeyError as e:
    print('caught', e.args)

c = stubborn('close')
next(c)
try:
    c.close()
except RuntimeError as e:
    print('close:', e)
del c
print('end')
