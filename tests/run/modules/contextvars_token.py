# Token: what set() returns, reset() with its three errors, Token.MISSING.
import contextvars
from contextvars import ContextVar, Token


def attempt(f):
    try:
        print('->', f())
    except Exception as e:
        print(type(e).__name__ + ':', e)


v = ContextVar('v')
t1 = v.set(1)
print(repr(t1))
print(t1.var is v, t1.old_value is Token.MISSING, t1.old_value)
t2 = v.set(2)
print(t2.old_value, v.get())
v.reset(t2)
print(v.get(), repr(t2))
attempt(lambda: v.reset(t2))
v.reset(t1)
attempt(lambda: v.get())
print(repr(t1))

# Resetting in another order: the older token brings back its own value.
t3 = v.set('a')
t4 = v.set('b')
v.reset(t3)
attempt(lambda: v.get())
v.reset(t4)
print(v.get())

# A token of another variable.
w = ContextVar('w')
tw = w.set(0)
attempt(lambda: v.reset(tw))
print(repr(tw))
w.reset(tw)

# A token made in another Context.
t5 = v.set('outer')
ctx = contextvars.copy_context()
attempt(lambda: ctx.run(v.reset, t5))
print(v.get())

def inner():
    return v.set('inner')

t6 = ctx.run(inner)
attempt(lambda: v.reset(t6))
print(v.get(), ctx[v])
ctx.run(v.reset, t6)
print(ctx[v], v.get())

# Token.MISSING: a class attribute, also seen from instances.
print(Token.MISSING, repr(Token.MISSING), t1.MISSING is Token.MISSING)
print(type(Token.MISSING), type(Token.MISSING).__name__, type(Token.MISSING).__module__)
print(Token.MISSING == Token.MISSING, hash(Token.MISSING) == hash(Token.MISSING))
attempt(lambda: type(Token.MISSING)())
attempt(lambda: Token())
attempt(lambda: Token(1, 2))
attempt(lambda: hash(t1))

# Read-only attributes.
def set_var():
    t1.var = None
def set_old():
    t1.old_value = None
attempt(set_var)
attempt(set_old)
print(Token.var, Token.old_value)

try:
    class Sub(Token):
        pass
except TypeError as e:
    print(e)

# A value equal to MISSING is a value like any other.
m = ContextVar('m')
tm = m.set(Token.MISSING)
tm2 = m.set(3)
print(tm2.old_value is Token.MISSING)
m.reset(tm2)
print(m.get() is Token.MISSING)
m.reset(tm)
attempt(lambda: m.get())
