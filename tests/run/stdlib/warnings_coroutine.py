# The interpreter's own warnings go through the warnings module once it is
# imported: a coroutine never awaited is recorded by catch_warnings,
# ignored by a filter, shown once per location by default, and SyntaxWarnings
# from compile() follow the filters too.
import sys
import warnings

sys.stderr = sys.stdout

async def coro():
    pass

def drop():
    coro()

with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    drop()
    drop()
print(len(w), [(m.category.__name__, str(m.message), m.lineno) for m in w])
print(w[0].filename.endswith('warnings_coroutine.py'), w[0].source is not None)
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    drop()
print("ignored")
for i in range(3):
    drop()   # the default action: once for the location
print("default shown once")
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    compile("x = 1 is 1", "<snippet>", "exec")
print([(m.category.__name__, str(m.message), m.filename, m.lineno) for m in w])
with warnings.catch_warnings():
    warnings.simplefilter("ignore", SyntaxWarning)
    compile("y = 'a' is 'a'", "<snippet>", "exec")
print("syntax warning ignored")
compile("z = () is ()", "<other>", "exec")
print("end")
# An "error" filter makes the compiler's SyntaxWarning a SyntaxError;
# other exceptions from the warnings machinery propagate as they are.
with warnings.catch_warnings():
    warnings.simplefilter("error")
    for src in ['x = 1 is 1', 'def f():\n    return "a" is "a"\n']:
        try:
            compile(src, "<err>", "exec")
        except SyntaxError as e:
            print(type(e).__name__, e, e.filename, e.lineno, e.offset, repr(e.text), e.end_offset)

def boom(*args):
    raise KeyError('boom')

with warnings.catch_warnings():
    warnings.simplefilter("always")
    warnings.showwarning = boom
    try:
        compile("w = 1 is 1", "<boom>", "exec")
    except KeyError as e:
        print("KeyError", e)
