# gi_frame / cr_frame / ag_frame: one frame object per generator, with its
# code, current line, globals and locals (kept after the body finished).
import types
def gen(a):
    x = a + 1
    yield x
    y = 2
    yield y
g = gen(1)
f = g.gi_frame
print(f is g.gi_frame, type(f).__name__, f.f_lineno, f.f_code is gen.__code__, sorted(f.f_locals.items()))
next(g)
print(f.f_lineno, sorted(f.f_locals.items()), f.f_back, f.f_globals is globals())
next(g)
print(f.f_lineno, sorted(f.f_locals.items()))
print(repr(f).split(",", 1)[1])
list(g)
print(g.gi_frame, f.f_lineno, f.f_locals)
async def co():
    await types.coroutine(lambda: (yield))()
c = co()
print(c.cr_frame.f_lineno, repr(c.cr_frame).split(",", 1)[1])
c.send(None)
print(c.cr_frame.f_lineno)
async def ag():
    yield 1
a = ag()
print(a.ag_frame.f_lineno, a.ag_frame.f_code.co_name)
