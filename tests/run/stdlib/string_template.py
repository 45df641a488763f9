# string: the constants, capwords, and Template (substitute,
# safe_substitute, get_identifiers, is_valid, the invalid-placeholder
# message, keyword arguments over a mapping, subclasses changing the
# delimiter or the identifier pattern).
import string
from string import Template

print(repr(string.whitespace), string.ascii_lowercase, string.ascii_uppercase, string.digits)
print(string.hexdigits, string.octdigits, string.punctuation)
print(string.printable == string.digits + string.ascii_letters + string.punctuation + string.whitespace,
      len(string.printable), string.__all__)
print(string.capwords(' hello   world  '), string.capwords('a-b-c', '-'), string.capwords(''),
      string.capwords('ALL lower mIxEd'), string.capwords('x  y', ' '))

t = Template('$who likes ${what} $$ and $who.')
print(t.substitute(who='tim', what='kung pao'), t.template, t.get_identifiers(), t.is_valid())
print(t.substitute({'who': 'a', 'what': 'b'}, what='c'), t.safe_substitute(who='only'))
for tpl in ['$', 'abc $ def', 'x\ny $1', '${x', '${x}}', '$x.y', 'a$$b', '$-', '${}', '$_a1b x',
            '$xé', 'trailing $', '${ x }', '$$$x']:
    tt = Template(tpl)
    try:
        print(repr(tt.substitute(x=1, _a1b=2)), end=' ')
    except (ValueError, KeyError) as e:
        print(type(e).__name__, e, end=' ')
    print(repr(tt.safe_substitute(x=1)), tt.is_valid(), tt.get_identifiers())
try:
    Template('$who').substitute({})
except KeyError as e:
    print(type(e).__name__, e)
print(Template('$a$b').substitute(a=1, b=[2]), Template('${a}b').substitute(a='A'))


class Percent(Template):
    delimiter = '%'


print(Percent('%x and %% and %{y}').substitute(x=5, y=6))


class Dotted(Template):
    idpattern = r'[a-z]+\.[a-z]+'


print(Dotted('$a.b and ${c.d} $$').substitute({'a.b': 1, 'c.d': 2}), Dotted('$ab').safe_substitute())


class Braced(Template):
    delimiter = '#'
    braceidpattern = r'[0-9]+'


print(Braced('#x #{12} ##').safe_substitute(x=1), Braced('#{12}').get_identifiers())


class Custom(Template):
    pattern = r'''\[(?:(?P<escaped>\[)|(?P<named>[a-z]+)\]|(?P<braced>)(?!)|(?P<invalid>))'''


print(Custom('[abc] [[').substitute(abc=3), type(Custom.pattern).__name__)
try:
    Custom('ok [').substitute()
except ValueError as e:
    print(type(e).__name__, e)
