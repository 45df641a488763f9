# collections.OrderedDict: move_to_end (both ends), popitem(last=),
# order-sensitive equality with another OrderedDict (not with a dict),
# the 3.11 repr, odict views, reversed, | and |=, fromkeys, copy,
# setdefault/pop, subclasses seeing __setitem__.
from collections import OrderedDict

od = OrderedDict([('a', 1), ('b', 2), ('c', 3)])
od.move_to_end('a')
print(od)
od.move_to_end('c', last=False)
print(od, list(od), list(od.keys()), od.keys(), od.values(), od.items())
print(list(reversed(od)), list(reversed(od.keys())), list(reversed(od.values())), list(reversed(od.items())))
print(od.popitem(), od.popitem(last=False), od, OrderedDict(), repr(OrderedDict(x=1, y=2)))
for bad in [lambda: OrderedDict().popitem(), lambda: od.move_to_end('zz'), lambda: od.pop('zz')]:
    try:
        bad()
    except KeyError as e:
        print(type(e).__name__, e)
o1, o2 = OrderedDict(a=1, b=2), OrderedDict(b=2, a=1)
print(o1 == o2, o1 == dict(o2), dict(o2) == o1, o1 != o2, o1 == OrderedDict(a=1, b=2))
print(o1 | {'c': 3}, {'z': 0} | o1, type({'z': 0} | o1).__name__)
o1 |= [('d', 4)]
print(o1)
print(OrderedDict.fromkeys('xyz', 0), o1.copy(), o1.copy() is o1, type(o1.copy()).__name__)
print(o1.setdefault('a', 9), o1.setdefault('new', 7), o1.pop('b'), o1.pop('missing', 'dflt'), o1)
print('a' in o1.keys(), ('a', 1) in o1.items(), 7 in o1.values(), len(o1.keys()),
      o1.keys() & {'a', 'q'}, o1.keys() == {'a', 'c', 'd', 'new'})
o3 = OrderedDict()
o3['z'] = 1
o3['y'] = 2
o3['z'] = 3
print(o3, list(o3.items()))
del o3['z']
o3['z'] = 4
print(o3)
o4 = OrderedDict(a=1)
o4['self'] = o4
print(o4)


class LastUpdated(OrderedDict):
    'Keeps keys in the order they were last set'

    def __setitem__(self, key, value):
        super().__setitem__(key, value)
        self.move_to_end(key)


lu = LastUpdated(a=1, b=2)
lu['a'] = 3
lu.update(b=4, c=5)
print(lu, type(lu).__name__, repr(LastUpdated()))
print(isinstance(od, dict), type(od.keys()).__name__, type(od.items()).__name__)
print(OrderedDict.__hash__)
print(OrderedDict([('b', 1), ('a', 2)]) == OrderedDict([('a', 2), ('b', 1)]),
      sorted(OrderedDict(b=1, a=2).items()))
