# Subclasses of list and dict: construction, methods on self, super() calls,
# overridden item access, __missing__, repr/len/iteration, instance attributes.

class L(list):
    pass

l = L([1, 2, 3])
print(l, type(l).__name__, len(l), isinstance(l, list), type(l) is L)
l.append(4)
l.extend([5])
print(l, l[0], l[-1], l[1:3], type(l[1:3]).__name__)
print([x * 2 for x in l], sum(l), 3 in l, 9 in l)
l.tag = "t"
print(l.tag, l.__dict__)
print(L(), L("ab"), L(range(3)))
print(l == [1, 2, 3, 4, 5], bool(L()), bool(l))
print(sorted(L([3, 1, 2])), list(reversed(L([1, 2]))))
print(type(l + [6]).__name__, l + [6])


class Stack(list):
    def __init__(self, name, items=()):
        super().__init__(items)
        self.name = name

    def push(self, x):
        self.append(x)
        return self

    def peek(self):
        return self[-1]

    def __repr__(self):
        return f"Stack({self.name}, {super().__repr__()})"


s = Stack("s", [1])
s.push(2).push(3)
print(s, len(s), s.peek(), s.name, list(s))
print(s.pop(), s)


class Logged(list):
    def __getitem__(self, i):
        print("get", i)
        return super().__getitem__(i)

    def __setitem__(self, i, v):
        print("set", i, v)
        super().__setitem__(i, v * 10)

    def __len__(self):
        return super().__len__() + 100


g = Logged([1, 2, 3])
print(g[1])
g[0] = 7
print(list(g), len(g))
del g[0]
print(list(g))


class D(dict):
    pass

d = D(a=1)
print(d, type(d).__name__, len(d), isinstance(d, dict))
d2 = D({"x": 1}, y=2)
d2["z"] = 3
print(d2, list(d2), list(d2.items()), d2.get("q", 0), "x" in d2)
d2.attr = 5
print(d2.attr, d2.__dict__)
print(D() == {}, D(a=1) == {"a": 1})


class Default(dict):
    def __missing__(self, key):
        print("missing", key)
        return key * 2


dd = Default(a=1)
print(dd["a"], dd["bb"], dd.get("bb"), "bb" in dd)


class Counter(dict):
    def __missing__(self, key):
        return 0

    def add(self, key):
        self[key] += 1


c = Counter()
for w in "abracadabra":
    c.add(w)
print(sorted(c.items()))


class Upper(dict):
    def __init__(self, *args, **kw):
        super().__init__()
        self.update(*args, **kw)

    def __setitem__(self, k, v):
        super().__setitem__(k.upper(), v)

    def __getitem__(self, k):
        return super().__getitem__(k.upper())

    def update(self, *args, **kw):
        for k, v in dict(*args, **kw).items():
            self[k] = v


u = Upper(a=1, b=2)
u["c"] = 3
print(u, u["a"], u["C"])
try:
    u["zz"]
except KeyError as e:
    print("KeyError", e)


class AttrDict(dict):
    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name)

    def __setattr__(self, name, value):
        self[name] = value


ad = AttrDict(x=1)
ad.y = 2
print(ad.x, ad.y, ad)
try:
    ad.nope
except AttributeError as e:
    print("AttributeError", e)

print(list.__len__([1, 2]), dict.__getitem__({"a": 3}, "a"), L.__hash__, D.__hash__)
try:
    hash(L())
except TypeError as e:
    print("TypeError", e)
try:
    {D(): 1}
except TypeError as e:
    print("TypeError", e)


class Both(L):
    def total(self):
        return sum(self)


b = Both([1, 2, 3])
print(b, b.total(), isinstance(b, L), isinstance(b, list), Both.__mro__)
