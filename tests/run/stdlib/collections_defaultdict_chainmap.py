# collections.defaultdict (factory, __missing__ only in [], repr, copy,
# | with dicts, errors) and ChainMap (lookups through the maps, writes to
# the first, new_child, parents, len/iter order, repr, | and errors).
from collections import defaultdict, ChainMap

d = defaultdict(list)
d['a'].append(1)
d['b']
print(d, repr(defaultdict()), d.default_factory, dict(d), d.get('zz'), 'zz' in d, len(d))
print(d.copy(), type(d.copy()).__name__, d.copy()['a'] is d['a'], d.__copy__() == d)
counts = defaultdict(int)
for ch in 'mississippi':
    counts[ch] += 1
print(counts, sorted(counts.items()))
nested = defaultdict(lambda: defaultdict(int))
nested['x']['y'] += 1
print(dict(nested['x']), repr(nested).startswith('defaultdict(<function <lambda>'))
try:
    defaultdict(None)['x']
except KeyError as e:
    print(type(e).__name__, e)
try:
    defaultdict(1)
except TypeError as e:
    print(type(e).__name__, e)
dd = defaultdict(int, {'a': 1}, b=2)
print(dd, dd | {'c': 3}, {'c': 3} | dd, type({'c': 3} | dd).__name__, dd == {'a': 1, 'b': 2})
dd |= {'z': 26}
print(dd, dd.__missing__('m'), dd)
dd.default_factory = list
print(dd['new'], dd)
same = defaultdict(set)
same.default_factory = None
print(same, defaultdict(dict, [('k', {})]))


class Tree(defaultdict):
    def __init__(self):
        super().__init__(Tree)


t = Tree()
t['a']['b']['c']
print(repr(t)[:20], type(t['a']).__name__)

cm = ChainMap({'a': 1}, {'a': 2, 'b': 3})
print(cm, cm['a'], cm['b'], cm.get('c', 'none'), len(cm), list(cm), dict(cm), 'b' in cm, bool(cm))
child = cm.new_child({'c': 4})
print(child, child.parents, child['c'], cm.new_child(), cm.new_child(k=1), repr(ChainMap()))
cm['z'] = 9
print(cm.maps, cm.pop('z'), cm.maps[0])
for bad in [lambda: cm.__delitem__('b'), lambda: cm.pop('b'), lambda: ChainMap({}, {'x': 1}).popitem(),
            lambda: cm['missing']]:
    try:
        bad()
    except KeyError as e:
        print(type(e).__name__, e)
print(cm | {'q': 0}, {'q': 0} | cm, ChainMap.fromkeys('ab', 0), cm.copy(), bool(ChainMap({})))
cm |= {'a': 100}
print(cm, cm.maps[1])
cm.clear()
print(cm, len(cm))


class DefaultChain(ChainMap):
    def __missing__(self, key):
        return f'<{key}>'


print(DefaultChain({'a': 1})['b'], DefaultChain({'a': 1}).get('b', 'g'))
