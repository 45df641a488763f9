# Special methods dispatched from syntax and builtins.
class V:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"V({self.x}, {self.y})"
    def __add__(self, o):
        return V(self.x + o.x, self.y + o.y)
    def __mul__(self, k):
        return V(self.x * k, self.y * k)
    def __rmul__(self, k):
        return self * k
    def __eq__(self, o):
        return isinstance(o, V) and (self.x, self.y) == (o.x, o.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __len__(self):
        return 2
    def __getitem__(self, i):
        return (self.x, self.y)[i]
    def __bool__(self):
        return bool(self.x or self.y)
    def __call__(self, z):
        return self.x + self.y + z
    def __contains__(self, v):
        return v in (self.x, self.y)
    def __lt__(self, o):
        return (self.x, self.y) < (o.x, o.y)
v = V(1, 2)
print(v + v, v * 3, 2 * v, v == V(1, 2), v != V(0, 0), len(v), v[1], bool(V(0, 0)))
print(v(10), 2 in v, 5 in v, str(v), [v], {v: 1}[V(1, 2)])
print(sorted([V(2, 0), V(1, 5)]), max(V(2, 0), V(1, 5)))
x, y = v
print(x, y, list(v))
class Ctx:
    def __enter__(self):
        print("enter")
        return self
    def __exit__(self, t, e, tb):
        print("exit", t.__name__ if t else None, e)
        return True
with Ctx() as c:
    print("body", type(c).__name__)
    raise ValueError("boom")
print("after")
