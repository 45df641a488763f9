# json.loads: values, whitespace, escapes (surrogate pairs, lone
# surrogates), numbers (big ints, exponents, NaN/Infinity), bytes input in
# the UTF encodings, and the hooks and parse functions.
import json

for text in ['null', 'true', 'false', '0', '-0', '-0.0', '12', '-12', '1.5', '1e3', '1E-2', '-2.5e+3',
             '123456789012345678901234567890', '1E400', '-1e400', '1e-400', '"abc"', '""',
             '" \\"\\\\\\/\\b\\f\\n\\r\\t "', '"\\u00e9\\u20AC"', '"\\ud834\\udd1e"', '"\\ud834x"',
             '"\\udd1e\\ud834"', '"\\ud834\\ud834"', '"é€𝄞"', '[]', '{}', ' [ 1 , [ ] , { } ] ',
             '\t\n\r {"a" : [1, {"b": null}], "c": "d"}  \n', '{"a": 1, "a": 2}', 'NaN', 'Infinity',
             '-Infinity', '[NaN, -Infinity]', '{"":0}', '[1e5, 2.0, 0.000001]']:
    print(repr(text), '->', ascii(json.loads(text)))

print(json.loads('"a\x01b\tc"', strict=False) == 'a\x01b\tc')
for b in [b'[1, "x"]', b'\xef\xbb\xbf[1]', b'\xff\xfe[\x001\x00]\x00', b'\xfe\xff\x00[\x001\x00]',
          b'\x00[\x001\x00]', b'[\x001\x00]\x00', b'[\x00\x00\x00]\x00\x00\x00', b'\x00\x00\x00[\x00\x00\x00]',
          b'"\xc3\xa9"', b'7', b'12']:
    print(b, '->', ascii(json.loads(b)))

print(json.loads('{"a": [1, 2.5, "x"], "b": null}', object_hook=lambda d: sorted(d.items())))
print(json.loads('{"a": 1, "b": {"c": 2}}', object_pairs_hook=lambda p: p))
print(json.loads('{"a": 1}', object_hook=lambda d: 'hook', object_pairs_hook=lambda p: 'pairs'))
print(json.loads('[1.5, 2, NaN, -Infinity, 10]', parse_float=str, parse_int=lambda s: int(s) * 10,
                 parse_constant=lambda s: s.lower()))
print(json.loads('[1.10, 2]', parse_float=lambda s: ('F', s)))
d = json.loads('[{"key": 1}, {"key": 2}]')
print(d, list(d[0])[0] == list(d[1])[0])
big = json.loads('[' + ','.join(str(i) for i in range(1000)) + ']')
print(len(big), sum(big))
deep = json.loads('[' * 200 + ']' * 200)
n = 0
while deep:
    deep = deep[0]
    n += 1
print(n)
dec = json.JSONDecoder()
print(dec.raw_decode('[1] xx'), dec.raw_decode('xx{"a": 2}', 2), dec.decode(' 3 '))
print(dec.scan_once('"é" 12', 4))
print(json.decoder.scanstring('"abc" rest', 1), json.decoder.scanstring('x"é\\n"', 2))
try:
    json.loads('[' * 100000)
except RecursionError as e:
    print('RecursionError', e)
