# The builtin iterator types and dict views derive from object (repr, hash,
# isinstance), cannot be instantiated directly, and dicts and their views
# iterate backwards through reversed() (Python 3.8+).
samples = [iter([]), iter(()), iter(''), iter(set()), iter(range(3)), iter({}),
           reversed({}), iter(b''), {}.keys(), {}.values(), {}.items()]
for o in samples:
    t = type(o)
    r = repr(o)
    shown = r.split(' object at ')[0] if ' object at ' in r else r
    try:
        h = isinstance(hash(o), int)
    except TypeError as e:
        h = f'{type(e).__name__}: {e}'
    print(t.__name__, shown, isinstance(o, object), t.__mro__[-1] is object, h)
    try:
        t()
    except TypeError as e:
        print('  ', type(e).__name__, e)

d = {'a': 1, 'b': 2, 'c': 3}
print(list(reversed(d)), list(reversed(d.keys())), list(reversed(d.values())),
      list(reversed(d.items())))
del d['b']
d['z'] = 26
print(list(reversed(d)), list(reversed({})), type(reversed(d)).__name__)

class Sub(dict):
    pass
print(list(reversed(Sub(x=1, y=2))), list(dict.__reversed__(d)))

it = reversed(d)
print(next(it))
d['new'] = 0
try:
    next(it)
except RuntimeError as e:
    print(type(e).__name__, e)
print(hasattr(dict, '__reversed__'), hasattr({}.values(), '__reversed__'),
      hasattr({}.keys(), '__reversed__'), hasattr({}.items(), '__reversed__'))
