# pprint's layout of nested dicts, lists, tuples, sets, long strings and
# bytes at various widths and indents, as CPython breaks them.
import pprint

data = {
    'name': 'example', 'numbers': list(range(30)), 'nested': {'a': [1, 2, {'deep': (1, 2, 3)}], 'b': None},
    'tuple': (1,), 'empty': [], 'emptyd': {}, 'set': {3, 1, 2}, 'fs': frozenset({'x', 'y'}),
    'text': 'a fairly long string value that will not fit on one line at all, surely not',
    'bytes': b'some bytes that are long enough to be wrapped over lines when narrow',
    ('tuple', 'key'): 1.5, 10: True,
}
pprint.pprint(data)
pprint.pprint(data, width=40)
pprint.pprint(data, width=120)
pprint.pprint(data, indent=4, width=60)
pprint.pprint(data['numbers'], width=30)
pprint.pprint(data['numbers'], width=30, compact=True)
pprint.pprint([[1, 2, 3]] * 4, width=20)
pprint.pprint(((1, 2), (3, 4)) * 3, width=15)
pprint.pprint({'key%d' % i: 'value %d' % i for i in range(8)}, width=50)
pprint.pprint('short')
pprint.pprint('word ' * 30)
pprint.pprint('line one\nline two is a bit longer than the first\nthree\n' * 2, width=30)
pprint.pprint(['word ' * 20], width=40)
pprint.pprint({'k': 'word ' * 20}, width=40)
pprint.pprint(b'\x00\x01bytes' * 10, width=30)
pprint.pprint([b'\x00\x01bytes' * 10], width=30)
pprint.pprint(set(range(40)), width=40)
pprint.pprint(frozenset(range(25)), width=30)
pprint.pprint([(i, str(i) * i) for i in range(8)], width=30)
print(pprint.pformat({'b': 2, 'a': 1, 'c': [3, 2, 1]}))
print(pprint.pformat([1, [2, [3, [4, [5, [6]]]]]], width=10))
pprint.pprint({1: 'one', 'two': 2, 3.0: 'three'}, width=20)
