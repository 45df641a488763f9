# eval(), exec() and compile(): source compiled at run time.
x = 10
print(eval("x * 2"), eval("  x + 1"), eval(b"x - 1"))
print(eval("y + 1", {"y": 5}), eval("a + b", {"a": 1}, {"b": 2}))

def scope():
    local = 3
    print(eval("local + x"))
    ns = {"local": local}
    exec("z = local * 2\ndef f(n):\n    return n + z\n", ns)
    print(sorted(k for k in ns if k != "__builtins__"), ns["z"], ns["f"](1))
    loc = {}
    exec("w = x + 1", None, loc)           # the caller's globals, own locals
    print(loc)
    exec("local = 99")            # a function's locals are a snapshot
    print(local)

scope()

g = {}
exec("import sys\nclass K:\n    v = 1\nresult = [K.v + i for i in range(3)]", g)
print(g["result"], "K" in g, "__builtins__" in g or True)

exec("print('printed from exec', __name__)")
print(exec("1 + 1"), eval("None"))

code = compile("n * n", "<calc>", "eval")
print(type(code).__name__, eval(code, {"n": 7}), code.co_filename)
code2 = compile("total = sum(range(4))", "<stmt>", "exec")
ns2 = {}
exec(code2, ns2)
print(ns2["total"], eval(code2, {}))
try:
    compile(code, "again", "eval")
except TypeError as e:
    print("TypeError", e)

for bad in ["1 +", "def f(:", "return 5", "x = (1,\n"]:
    try:
        exec(bad)
    except SyntaxError as e:
        print(type(e).__name__, repr(e.msg), e.filename, e.lineno, repr(e.text))
try:
    eval("x = 1")
except SyntaxError as e:
    print("SyntaxError", e.msg)
try:
    exec("  indented = 1")
except IndentationError as e:
    print("IndentationError", e.msg)
try:
    eval("1\x002")
except SyntaxError as e:
    print("SyntaxError", e)

for args in [(5,), ("x", []), ("x", {}, 5)]:
    try:
        eval(*args)
    except TypeError as e:
        print("TypeError", e)
try:
    exec(5)
except TypeError as e:
    print("TypeError", e)
try:
    compile("x", "f", "bad")
except ValueError as e:
    print("ValueError", e)

# Errors raised by the evaluated code propagate with its frames.
try:
    eval("1 / 0")
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    exec("def boom():\n    raise KeyError('k')\nboom()")
except KeyError as e:
    print("KeyError", e)

class Mapping:
    def __getitem__(self, key):
        if key == "magic":
            return 42
        raise KeyError(key)

print(eval("magic + 1", {}, Mapping()))
