# JSONDecodeError: CPython's messages, positions (msg, doc, pos, lineno,
# colno) for every kind of syntax error, and the type errors of loads.
import json

cases = ['', ' ', '  \n ', '{', '[', '[1,]', '{"a":1,}', '{"a" 1}', '{"a":}', '{1:2}', '[1 2]',
         '"abc', '"a\\x"', '"\\u12"', '"\\u12G4"', '"ab\\u12"', '"abc\\u', '"\\u000"', '"a\x01"',
         '"\t"', 'nul', 'tru', 'fals', '1 2', '[1] x', '-', '-a', '01', '1.', '1e', '1.5E', '2.e5',
         '.5', '+1', '[1,2', '{"a":1', '{"a"', '"\\', '[-]', '{"a":1 "b":2}', '[,1]', '{,}',
         '  \n  [1,\n  2,\n  x]', '{"a": [1, 2}', '[1}', '"\\ud834\\u12"', '"\\ud834\\udd1"',
         '"\\ud834\\"', '"é\\x"', '[1, 2, 3, "é", x]', '{"é": 1, "b" 2}', 'é', '[é]', '[1]]',
         '{}}', 'NaNx', '[Infinity 1]', 'infinity', '\ufeff[]', '{"a":1  ', '{"a"  ', '[1,  ']
for c in cases:
    try:
        print(repr(c), '->', ascii(json.loads(c)))
    except json.JSONDecodeError as e:
        print(repr(c), '|', e, '|', e.msg, e.pos, e.lineno, e.colno, e.doc == c)

e = json.JSONDecodeError('Some message', 'line one\nline two', 13)
print(e, e.args, e.msg, e.pos, e.lineno, e.colno, isinstance(e, ValueError))
print(type(e).__name__, type(e).__module__, json.JSONDecodeError.__mro__[1].__name__)
print(e.__reduce__()[1])
for bad in [5, None, [1], 2.5]:
    try:
        json.loads(bad)
    except TypeError as e:
        print('TypeError', e)
dec = json.JSONDecoder()
for args in [('[1]', -1), ('[1]', 5), ('[1]', 3)]:
    try:
        print(dec.raw_decode(*args))
    except Exception as e:
        print(type(e).__name__, e)
try:
    dec.scan_once('[1]', 3)
except StopIteration as e:
    print('StopIteration', e.value)
try:
    json.loads('"abc"', cls=None, bogus=1)
except TypeError as e:
    print('TypeError', e)
