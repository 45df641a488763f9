# operator's function forms of the operators: arithmetic, comparisons,
# logic, sequences, in-place forms, index, length_hint, call, the dunder
# aliases and the exact error messages.
import operator as op

print(op.add(1, 2), op.sub(5, 3), op.mul('a', 3), op.truediv(7, 2), op.floordiv(7, 2),
      op.mod(7, 3), op.pow(2, 10), op.neg(3), op.pos(-3), op.abs(-4), op.inv(5),
      op.invert(5), op.lshift(1, 4), op.rshift(16, 2), op.and_(6, 3), op.or_(6, 3), op.xor(6, 3))
print(op.lt(1, 2), op.le(2, 2), op.eq(1, 1.0), op.ne(1, 2), op.ge(1, 2), op.gt(2, 1),
      op.not_([]), op.truth([1]), op.is_(None, None), op.is_not(1, None))
print(op.concat([1], [2]), op.concat('a', 'b'), op.contains([1, 2], 2), op.countOf([1, 2, 1], 1),
      op.indexOf('abc', 'c'), op.getitem([1, 2], 1), op.getitem('abcd', slice(1, 3)))
seq = [1, 2, 3]
op.setitem(seq, 0, 9)
op.delitem(seq, 1)
print(seq)

x = [1]
y = op.iadd(x, [2])
print(x, y is x, op.iconcat([1], (2,)), op.imul([0], 2), op.isub(5, 2), op.ior({1}, {2}),
      op.ipow(2, 3), op.itruediv(1, 2), op.ifloordiv(7, 2), op.imod(7, 2), op.ilshift(1, 2),
      op.irshift(8, 1), op.iand(3, 1), op.ixor(3, 1))
t = (1,)
print(op.iadd(t, (2,)), t)


class Index:
    def __index__(self):
        return 42


class MyInt(int):
    def __index__(self):
        return 99


print(op.index(7), op.index(True), type(op.index(True)).__name__, op.index(Index()), op.index(MyInt(5)))


class Hint:
    def __length_hint__(self):
        return 5


class NoHint:
    def __length_hint__(self):
        return NotImplemented


class BadHint:
    def __length_hint__(self):
        return -1


class StrHint:
    def __length_hint__(self):
        return 'x'


print(op.length_hint([1, 2]), op.length_hint(Hint()), op.length_hint(NoHint(), 7),
      op.length_hint(object(), 4), op.call(max, 1, 5, 3), op.call(dict, a=1))
for o in (BadHint(), StrHint()):
    try:
        op.length_hint(o)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

for f, a in [(op.concat, (1, 2)), (op.concat, ([1], (2,))), (op.indexOf, ([1], 2)),
             (op.index, ('a',)), (op.index, (1.5,)), (op.countOf, (1, 1)), (op.call, ()),
             (op.length_hint, ([], 'x')), (op.iconcat, (1, 2)), (op.add, (1, 'a')),
             (op.matmul, (1, 2)), (op.imatmul, (1, 2)), (op.truediv, (1, 0)), (op.neg, ('s',))]:
    try:
        print(repr(f(*a)))
    except Exception as e:
        print(f.__name__, type(e).__name__, e)

print(op.__add__ is op.add, op.__not__(1), op.__contains__([1], 1), op.__inv__ is op.inv,
      op.__index__(3), op.__call__(len, 'ab'), op.__iconcat__([1], [2]))
print(len(op.__all__), op.__all__ == sorted(op.__all__), 'attrgetter' in op.__all__)
print(sorted(n for n in op.__all__ if not hasattr(op, f'__{n.rstrip("_")}__')))
