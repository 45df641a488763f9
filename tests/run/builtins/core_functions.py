# A sample of the builtins table.
print(len([1, 2]), abs(-3), abs(2.5), min([4, 2, 8]), max(4, 9, key=lambda v: -v))
print(sum([1, 2, 3], 10), any([0, 1]), all([1, 0]), any([]), all([]))
print(divmod(17, 5), divmod(-17, 5), pow(2, 10), pow(2, 10, 1000), round(2.5), round(3.5), round(2.675, 2))
print(round(1234, -2), round(1250, -2), round(-7.5))
print(chr(65), ord("a"), hex(255), oct(8), bin(5), hex(-255))
print(isinstance(1, int), isinstance(True, int), isinstance("s", (int, str)), callable(print), callable(3))
print(sorted([3, 1, 2]), sorted([3, 1, 2], reverse=True), sorted(["bb", "a", "ccc"], key=len))
print(list(reversed([1, 2, 3])), list(enumerate("ab")), list(enumerate("ab", 5)))
print(list(zip([1, 2, 3], "ab")), list(map(lambda a: a * 2, [1, 2])), list(filter(None, [0, 1, 2, 0])))
print(list(map(lambda a, b: a + b, [1, 2], [10, 20])))
it = iter([1, 2])
print(next(it), next(it), next(it, "done"))
class Obj:
    pass
o = Obj()
setattr(o, "a", 1)
print(getattr(o, "a"), getattr(o, "b", "dflt"), hasattr(o, "a"), hasattr(o, "b"))
delattr(o, "a")
print(hasattr(o, "a"))
print(type(1), type("s"), type(None), type(print).__name__)
print(max([], default="empty"))
try:
    max([])
except ValueError as e:
    print(e)
try:
    next(iter([]))
except StopIteration:
    print("StopIteration")
print(format(5), format("x"), repr("q"), str(3), ascii("é"))
print(hash(1) == hash(1.0), id(o) == id(o))
count = [0]
def tick():
    count[0] += 1
    return count[0]
print(list(iter(tick, 3)))
