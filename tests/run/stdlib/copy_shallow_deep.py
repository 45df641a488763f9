# copy.copy and copy.deepcopy: the builtin containers, shared and
# recursive structures, the memo, __copy__/__deepcopy__, __getstate__ and
# __setstate__, __reduce__, slots (also private ones), subclasses of
# builtins, collections' types, and objects that cannot be copied.
import copy
from collections import OrderedDict, defaultdict, Counter, namedtuple, deque, UserDict, UserList


class P:
    def __init__(self, x):
        self.x = x
        self.items = [x]

    def __repr__(self):
        return f'P({self.x}, {self.items})'


a = [1, [2, 3], {'k': [4]}, (5, [6]), P(7)]
s = copy.copy(a)
d = copy.deepcopy(a)
print(s == a, s is a, s[1] is a[1], d[1] is a[1], d[2]['k'] is a[2]['k'], d[3] is a[3],
      d[4].items is a[4].items, d, type(d[4]).__name__)
t = (1, 2, 'x')
print(copy.deepcopy(t) is t, copy.copy(t) is t, copy.deepcopy((1, [2])) == (1, [2]))
r = [1]
r.append(r)
rc = copy.deepcopy(r)
print(rc[1] is rc, rc is not r)
memo = {}
x = [1]
y = copy.deepcopy([x, x], memo)
print(y[0] is y[1], id(x) in memo, len(memo), memo[id(memo)][0] is x)


class Hooks:
    def __copy__(self):
        print('__copy__')
        return 'copied'

    def __deepcopy__(self, memo):
        print('__deepcopy__', type(memo).__name__)
        return 'deep'


print(copy.copy(Hooks()), copy.deepcopy(Hooks()), copy.deepcopy([Hooks()]))


class Slots:
    __slots__ = ('a', 'b', '__c')

    def __init__(self):
        self.a = [1]
        self.__c = 3


s2 = copy.copy(Slots())
s3 = copy.deepcopy(Slots())
print(s2.a, hasattr(s2, 'b'), s2._Slots__c, s3.a, s3._Slots__c)


class State:
    def __init__(self):
        self.v = 1

    def __getstate__(self):
        print('getstate')
        return {'v': self.v * 10}

    def __setstate__(self, st):
        print('setstate', st)
        self.v = st['v']


print(copy.deepcopy(State()).v, copy.copy(State()).v)


class Reduced:
    def __init__(self, a):
        self.a = a

    def __reduce__(self):
        return (Reduced, (self.a + 1,))


print(copy.copy(Reduced(1)).a, copy.deepcopy(Reduced(5)).a)


class L(list):
    pass


class D(dict):
    pass


class I(int):
    pass


class S(str):
    pass


class B(bytes):
    pass


lst = L([1, [2]])
lst.tag = 't'
lc = copy.deepcopy(lst)
dd = D(a=[1])
dc = copy.copy(dd)
i = I(5)
i.note = 'n'
print(lc, type(lc).__name__, lc.tag, lc[1] is lst[1], dc, type(dc).__name__, dc['a'] is dd['a'],
      copy.copy(i), type(copy.copy(i)).__name__, copy.copy(i).note)
print(repr(copy.deepcopy(S('abc'))), type(copy.deepcopy(S('abc'))).__name__,
      copy.deepcopy(B(b'xy')), type(copy.copy(B(b'xy'))).__name__)
od = OrderedDict(a=1, b=[2])
ddict = defaultdict(list, a=[1])
dcp = copy.deepcopy(ddict)
print(copy.deepcopy(od), copy.copy(od), dcp, dcp['a'] is ddict['a'], dcp.default_factory)
Pt = namedtuple('Pt', 'x y')
print(copy.copy(Counter('aab')), copy.deepcopy(Counter('aab')), copy.copy(Pt(1, [2])), copy.deepcopy(Pt(1, [2])))
dq = deque([1, [2]], maxlen=5)
dq2 = copy.deepcopy(dq)
print(dq2, dq2.maxlen, dq2[1] is dq[1], copy.copy(dq))
print(copy.copy({1, 2}), copy.deepcopy(frozenset({1})), copy.deepcopy({1: {2}}), copy.copy(UserList([1])),
      copy.copy(UserDict(a=[1])), copy.deepcopy(UserDict(a=[1]))['a'])


def gen():
    yield 1


for o in (gen(), copy):
    for fn in (copy.copy, copy.deepcopy):
        try:
            fn(o)
        except TypeError as e:
            print(fn.__name__, type(e).__name__, e)
print(copy.copy(len) is len, copy.deepcopy(P) is P, copy.copy(print) is print, copy.deepcopy(None),
      copy.copy(range(3)), copy.deepcopy(gen) is gen)


class M:
    def meth(self):
        return self


m = M()
bm = copy.deepcopy(m.meth)
print(bm() is not m, type(bm()).__name__, copy.copy(m.meth)() is m)
print(copy.Error, copy.error is copy.Error, issubclass(copy.Error, Exception))
print(repr(copy.copy(ValueError('v', 1))), repr(copy.deepcopy(KeyError('k'))))
