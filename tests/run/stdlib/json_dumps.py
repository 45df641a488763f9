# json.dumps: every value kind, options (indent int/str, sort_keys,
# separators, ensure_ascii, allow_nan, skipkeys, check_circular, default),
# key conversions and CPython's error messages.
import json

doc = {'a': [1, 2.5, None, True, False, 'x\u00e9\U0001d11e\n"\\/'], 'b': {}, 'c': [],
       1: 'int', 2.5: 'float', False: 'bool', None: 'none', 'nested': {'t': (1, (2, 3))}}
print(json.dumps(doc))
print(json.dumps(doc, ensure_ascii=False))
print(json.dumps("\x00\x1f\x7f\x80\u2028\ud800\udfff"))
print(ascii(json.dumps("\x00\x1f\x7f\u2028\ud800", ensure_ascii=False)))
print(json.dumps([1, [2, {'a': []}], {}, [[]]], indent=2))
print(json.dumps({'b': 1, 'a': [1, 2], 'c': {'z': 0, 'y': 1}}, indent='\t', sort_keys=True))
print(json.dumps({'b': 1, 'a': [1, 2]}, indent=0))
print(json.dumps({'b': 1, 'a': [1, 2]}, indent=''))
print(json.dumps({'b': 1, 'a': [1, 2]}, separators=(',', ':')))
print(json.dumps({'b': 1, 'a': [1, 2]}, indent=1, separators=(' ,', ' = ')))
print(repr(json.dumps([], indent=4)), repr(json.dumps({}, indent=4)))
print(json.dumps([float('nan'), float('inf'), -float('inf'), 1e16, 1e-7, 0.1, -0.0, 1.0, 10**20, -7]))
print(json.dumps([3.141592653589793, 1/3, 2.5e-308, 1.7976931348623157e308, 123456789.0]))
print(json.dumps(12345678901234567890), json.dumps(None), json.dumps(True), json.dumps('s'))
print(json.dumps({'x': 1, 'y': 2}, sort_keys=True), json.dumps({2: 'b', 1: 'a'}, sort_keys=True))
print(json.dumps({(1, 2): 3, 'a': 1, object: 2}, skipkeys=True))
print(json.dumps([{1, 2}], default=sorted), json.dumps({'k': {3}}, default=list))

class MyInt(int):
    def __repr__(self):
        return 'MyInt!'
class MyFloat(float):
    def __repr__(self):
        return 'MyFloat!'
class MyStr(str):
    pass
class MyDict(dict):
    pass
class MyList(list):
    pass
print(json.dumps([MyInt(5), MyFloat(2.5), MyStr('s'), {MyStr('k'): MyFloat(1.5), MyInt(3): 0, MyFloat(0.5): 1}]))
print(json.dumps(MyDict(a=MyList([1, 2]))), json.dumps(MyDict(b=1, a=2), sort_keys=True))

def err(*args, **kw):
    try:
        print(json.dumps(*args, **kw))
    except Exception as e:
        print(type(e).__name__, e)

err(float('nan'), allow_nan=False)
err([float('inf')], allow_nan=False)
err({'a': -float('inf')}, allow_nan=False, indent=1)
err({float('nan'): 1}, allow_nan=False)
err({(1, 2): 3})
err({1: 1, 'a': 2}, sort_keys=True)
err(object())
err([1, {2, 3}])
err({'a': b'bytes'})
l = []
l.append(l)
err(l)
d = {}
d['self'] = d
err(d)
err([d], indent=2)
class Loop:
    pass
err(Loop(), default=lambda o: o)
err(Loop(), default=lambda o: [o])
err([1], indent=2.5)
deep = []
for _ in range(3000):
    deep = [deep]
err(deep)
