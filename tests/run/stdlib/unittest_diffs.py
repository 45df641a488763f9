# assertEqual's detailed messages: sequences, tuples, dicts, sets and
# multi-line strings, with their ndiff diffs, maxDiff and msg=.
import unittest

tc = unittest.TestCase()


def check(name, *args, **kwargs):
    try:
        getattr(tc, name)(*args, **kwargs)
    except AssertionError as e:
        print(f"--- {name}:")
        print(e)
    else:
        print(f"--- {name}: passed")


check('assertEqual', [1, 2, 3], [1, 2, 3])
check('assertEqual', [1, 2, 3], [1, 5, 3])
check('assertEqual', [1, 2], [1, 2, 3])
check('assertEqual', [1, 2, 3, 4], [1, 2])
check('assertEqual', (1, 'a'), (1, 'b'))
check('assertEqual', (1, 2), [1, 2])
check('assertSequenceEqual', (1, 2), [1, 2])
check('assertSequenceEqual', 'abc', 'abd')
check('assertSequenceEqual', 1, [1])
check('assertListEqual', (1,), [1])
check('assertListEqual', [1], (1,))
check('assertTupleEqual', (1, 2), (2, 1), 'order')
check('assertEqual', {'a': 1, 'b': [1, 2]}, {'a': 1, 'b': [1, 3]})
check('assertEqual', {1: 'one'}, {2: 'two', 1: 'one'})
check('assertDictEqual', {}, [])
check('assertEqual', {1, 2, 3}, {2, 3, 4})
check('assertEqual', {1}, {1, 2})
check('assertEqual', frozenset([5]), frozenset())
check('assertSetEqual', {1}, [1])
check('assertSetEqual', [1], {1})
check('assertEqual', 'one\ntwo\nthree\n', 'one\nTWO\nthree\nfour\n')
check('assertEqual', 'abcdef', 'abXdef')
check('assertEqual', 'tab\there', 'tab here')
check('assertEqual', 'line\n', 'line')
check('assertMultiLineEqual', 'a', b'a')
check('assertEqual', ['x' * 30, 'y'], ['x' * 30, 'z'], 'with msg')

# maxDiff: a long diff is replaced by its length.
long1 = '\n'.join('line %d' % i for i in range(60)) + '\n'
long2 = long1.replace('line 30', 'LINE 30')
check('assertEqual', long1, long2)
tc.maxDiff = None
check('assertEqual', '\n'.join('%d' % i for i in range(12)),
      '\n'.join('%d' % i for i in range(1, 13)))
tc.maxDiff = 30
check('assertEqual', [1, 2, 3], [1, 2, 4])

# A registered comparison for a type.
class Point:
    def __init__(self, x):
        self.x = x

def point_equal(a, b, msg=None):
    if a.x != b.x:
        raise tc.failureException('points differ: %r != %r' % (a.x, b.x))

tc.addTypeEqualityFunc(Point, point_equal)
check('assertEqual', Point(1), Point(1))
check('assertEqual', Point(1), Point(2))
