# JSONEncoder/JSONDecoder subclasses through cls=, default(), iterencode's
# chunks, dump/load on file objects (the chunks written before an error),
# and separators/indent set on an encoder.
import io
import json


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y


class PointEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, Point):
            return {'x': o.x, 'y': o.y}
        return super().default(o)


class TaggedDecoder(json.JSONDecoder):
    def __init__(self, **kw):
        super().__init__(object_hook=self.hook, **kw)

    def hook(self, d):
        if set(d) == {'x', 'y'}:
            return Point(d['x'], d['y'])
        return d


text = json.dumps({'p': Point(1, 2), 'l': [Point(3, 4)]}, cls=PointEncoder, sort_keys=True)
print(text)
back = json.loads(text, cls=TaggedDecoder)
print(type(back['p']).__name__, back['p'].x, back['l'][0].y)
try:
    json.dumps(object(), cls=PointEncoder)
except TypeError as e:
    print('TypeError', e)

enc = json.JSONEncoder(indent=2, sort_keys=True)
print(enc.item_separator == ',', enc.key_separator, enc.indent)
print(enc.encode({'b': [1, 2], 'a': 'x'}))
print(json.JSONEncoder(separators=(';', '=')).encode({'a': [1, 2]}))
print(list(json.JSONEncoder().iterencode({'a': [1, 2, {'b': None}], 'c': 'd'})))
print(list(json.JSONEncoder(indent=1).iterencode([1, [2, 3], {}, 'x'])))
print(list(json.JSONEncoder().iterencode('str')), list(json.JSONEncoder().iterencode(5)))
print(list(PointEncoder().iterencode([Point(0, 0)])))
print(json.JSONEncoder().encode('plain'), json.JSONEncoder(ensure_ascii=False).encode('é'))


class Upper(json.JSONEncoder):
    def iterencode(self, o, _one_shot=False):
        for chunk in super().iterencode(o, _one_shot):
            yield chunk.upper()


print(json.dumps({'a': 'b'}, cls=Upper))

f = io.StringIO()
json.dump({'a': [1, 2], 'b': 'c'}, f)
print(f.getvalue())
f = io.StringIO()
json.dump([1, {'x': None}], f, indent=2)
print(f.getvalue())
f = io.StringIO()
try:
    json.dump({'a': 1, 'b': object(), 'c': 2}, f)
except TypeError as e:
    print('TypeError', e, repr(f.getvalue()))
f = io.StringIO()
try:
    json.dump([1, float('nan')], f, allow_nan=False)
except ValueError as e:
    print('ValueError', e, repr(f.getvalue()))
print(json.load(io.StringIO('{"k": [true, false]}')))
print(json.load(io.StringIO('[1.5]'), parse_float=lambda s: s + '!'))

import os
path = 'json_classes_files.tmp'
with open(path, 'w') as out:
    json.dump({'name': 'é', 'n': [1, 2, 3]}, out, ensure_ascii=False)
with open(path) as inp:
    print(json.load(inp))
with open(path, 'rb') as inp:
    print(json.loads(inp.read()))
os.remove(path)
