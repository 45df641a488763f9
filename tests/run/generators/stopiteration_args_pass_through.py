# A StopIteration raised by an iterator's __next__ keeps its args when it
# ends next(), and when it passes through enumerate, map, zip and filter;
# a for loop simply ends, and a default given to next() wins.
class Stops:
    def __iter__(self):
        return self

    def __next__(self):
        raise StopIteration(42, "why")


wrappers = [
    ("direct", lambda: Stops()),
    ("enumerate", lambda: enumerate(Stops())),
    ("map", lambda: map(str, Stops())),
    ("zip", lambda: zip(Stops(), [1])),
    ("filter", lambda: filter(None, Stops())),
]
for name, make in wrappers:
    try:
        next(make())
    except StopIteration as e:
        print(name, e.args, e.value)
    print(name, "default:", next(make(), "dflt"))

for x in Stops():
    pass
print("for loop ended")
try:
    next(iter([]))
except StopIteration as e:
    print("list iterator:", e.args)


def inner_loops(v):
    for _ in Stops():
        pass
    return False


# An iteration that ends inside a callback does not leak into an outer next().
try:
    next(filter(inner_loops, [1, 2]))
except StopIteration as e:
    print("filter with a callback:", e.args)
next(map(str, Stops()))
