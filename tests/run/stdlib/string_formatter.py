# string.Formatter: format and vformat, fields with indexes, attributes
# and items, nested format specs, conversions, auto-numbering and its
# errors, parse() and the overridable methods.
from string import Formatter

f = Formatter()


class Obj:
    real = 3
    items = {'k': 'v'}


print(f.format('{0}-{1!r}-{x:>5}-{y[1]}-{z.real}', 1, 'a', x='b', y=[1, 2], z=Obj()))
print(f.format('{:{w}.{p}f}|{:^7}|{!a}', 3.14159, 'mid', 'é', w=10, p=2))
print(f.format('{0[items][k]} {0.items[k]} {{literal}} {1:{2}}', Obj(), 7, '04'))
print(f.vformat('{a}{b}', (), {'a': 1, 'b': 2}), f.format(''), f.format('plain'))
for args in [('{}{0}', 1), ('{0}{}', 1), ('{0!z}', 1), ('{:{:{:{}}}}', 1, 2, 3, 4), ('{1}', 0), ('{x}',),
             ('{', ), ('}', ), ('{0[}', 1), ('{0.}', 1), ('{0!}', 1), ('{0!rr}', 1), ('{0:{}', 1),
             ('{a.b}', ), ('{0[1]x}', 'ab')]:
    try:
        print(f.format(*args))
    except (ValueError, IndexError, KeyError, AttributeError) as e:
        print(type(e).__name__, e)
for s in ['a{0}b', 'x{}y{}', '{{}}', '{!r}', '{0!r:>3}', '{0[a]b}', '{ 0 }', 'a{{b}}c', '', '{0[:]}',
          '{a:{b}}c', 'end}}']:
    print(repr(s), list(f.parse(s)))
print(f.get_field('0.real', [Obj()], {}), f.get_field('k[0]', [], {'k': 'xy'}),
      f.get_value(1, ('a', 'b'), {}), f.get_value('n', (), {'n': 5}))
print(f.convert_field('x', 'r'), f.convert_field('x', 's'), f.convert_field('é', 'a'),
      f.convert_field(5, None), f.format_field(3, '03'))


class Upper(Formatter):
    def get_value(self, key, args, kwargs):
        if isinstance(key, str) and key not in kwargs:
            return f'<{key}>'
        return super().get_value(key, args, kwargs)

    def format_field(self, value, spec):
        return super().format_field(value, spec).upper()

    def check_unused_args(self, used, args, kwargs):
        print('used', sorted(map(str, used)), 'given', len(args), sorted(kwargs))


print(Upper().format('{0} {name} {missing}', 'abc', name='bob', extra=1))
