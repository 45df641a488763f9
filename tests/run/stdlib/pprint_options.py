# pprint options and helpers: depth, sort_dicts, pp, underscore_numbers,
# stream, PrettyPrinter methods, saferepr/isreadable/isrecursive, subclass
# dispatch and the collections containers.
import collections
import io
import pprint
import types

d = {'zeta': 1, 'alpha': [1, {'beta': [2, 3]}], 'mid': (4, 5)}
pprint.pprint(d, depth=1)
pprint.pprint(d, depth=2)
pprint.pprint(d, sort_dicts=False)
pprint.pp(d)
pprint.pp(d, width=20)
pprint.pprint([10**6, 123456789, -5000, 7.5], underscore_numbers=True)
s = io.StringIO()
pprint.pprint({'x': list(range(12))}, stream=s, width=20)
print(repr(s.getvalue()))
p = pprint.PrettyPrinter(indent=2, width=30, depth=3)
print(p.pformat([[[[1]]], 'abc', {'k': {'k2': {'k3': 1}}}]))
print(p.isreadable([1, 2]), p.isreadable([object]), p.isrecursive([1]))
rec = [1, 2]
rec.append(rec)
print(pprint.isrecursive(rec), pprint.isreadable(rec), pprint.isreadable({'a': (1, 'b')}))
print(pprint.saferepr({'b': [1, 2], 'a': 'x'}), pprint.saferepr((1,)), pprint.saferepr(()))
print(pprint.isreadable(pprint), pprint.saferepr(None), pprint.saferepr(3.5))

class MyList(list):
    pass
class ReprList(list):
    def __repr__(self):
        return 'ReprList(...)'
class MyDict(dict):
    pass
pprint.pprint(MyList(range(30)), width=40)
pprint.pprint(ReprList(range(30)), width=20)
pprint.pprint(MyDict(a=list(range(20))), width=30)
pprint.pprint(collections.OrderedDict((str(i), i) for i in range(12)), width=40)
pprint.pprint(collections.OrderedDict(), width=40)
dd = collections.defaultdict(list, {'a': list(range(10)), 'b': [1]})
pprint.pprint(dd, width=30)
pprint.pprint(collections.Counter('abracadabra' * 3), width=30)
pprint.pprint(collections.deque(range(20)), width=30)
pprint.pprint(collections.deque(range(20), maxlen=25), width=30)
pprint.pprint(collections.ChainMap({'a': list(range(10))}, {'b': 2}), width=30)
pprint.pprint(types.SimpleNamespace(alpha=list(range(12)), beta='x' * 30), width=30)
for bad in [dict(indent=-1), dict(depth=0), dict(width=0)]:
    try:
        pprint.PrettyPrinter(**bad)
    except ValueError as e:
        print('ValueError', e)

import dataclasses

@dataclasses.dataclass
class Point:
    x: int
    y: list
    hidden: int = dataclasses.field(default=0, repr=False)

@dataclasses.dataclass
class Custom:
    a: list
    def __repr__(self):
        return 'Custom!'

pprint.pprint(Point(1, list(range(30))), width=40)
pprint.pprint([Point(2, ['x' * 10] * 3)], width=30)
pprint.pprint(Custom(list(range(40))), width=20)
pprint.pprint(Point(1, [2]))
