# re: Match objects (group, groups, groupdict, start/end/span, lastindex,
# lastgroup, expand, indexing, repr) and Pattern objects (attributes,
# pos/endpos, repr, equality).
import re

m = re.match(r'(?P<first>\w+) (?P<last>\w+)(?P<opt>!)?', 'Isaac Newton, physicist')
print(m)
print(m.group(), m.group(0), m.group(1), m.group('last'), m.group(1, 'last', 0), m.group('opt'))
print(m[0], m[1], m['first'], m['opt'])
print(m.groups(), m.groups('-'), m.groups(default=0))
print(m.groupdict(), m.groupdict('?'))
print(m.start(), m.end(), m.span(), m.start(2), m.end('last'), m.span('opt'), m.start('opt'))
print(m.lastindex, m.lastgroup, m.string, m.re, m.pos, m.endpos)
print(m.regs)
print(m.expand(r'\2, \g<first>: \g<0>!\n'), repr(m.expand(r'[\g<opt>]')))
for g in (3, 4, -1, 'nope', 1.0, None):
    try:
        m.group(g)
    except IndexError as e:
        print(repr(g), 'IndexError', e)
for f in (m.start, m.end, m.span, m.__getitem__):
    try:
        f(9)
    except IndexError as e:
        print('IndexError', e)
print(m.group(True), m.group(False))

# lastindex and lastgroup
for pat, s in [(r'(a)(b)?', 'a'), (r'((a)b)', 'ab'), (r'(a)|(b)', 'b'), (r'(?P<x>a)(?P<y>b)', 'ab'),
               (r'(?:(a)|(b))*', 'ab'), (r'(?:(a)|(b))*', 'ba'), (r'(a)()', 'a'), (r'((a))', 'a'),
               (r'x', 'x'), (r'(x)(?P<n>y)?', 'x'), (r'(?P<o>(?P<i>a))', 'a')]:
    m = re.search(pat, s)
    print(pat, m.lastindex, m.lastgroup)

# reprs and non-ASCII indices
print(re.search(r'b+', 'aábbbé'))
print(re.search(r'(é)(.)', 'xxéé€z').span(2), re.search('€', 'aé€').start())
print(re.match(r'.*', 'x' * 80))
print(re.match(rb'\w+', b'bytes here'))
print(re.search(r"'", "it's"))
print(re.search(r'.+', 'a"b\'c\n', re.S))
m = re.search(r'(\w)(\w)?', 'é')
print(m.span(1), m.span(2), m.start(2), m.groups())

# pos and endpos
p = re.compile(r'\w+')
print(p.match('abc def', 4), p.match('abc def', 3), p.search('abc def', 1, 2))
print(p.search('abc', -5, 100), p.search('abc', 2, 1), p.match('abc', endpos=-1))
print(re.compile('^d').search('abcd', 3), re.compile('$').search('abcd', 0, 2))
print(re.compile(r'(?<=b)c').match('abc', 2), re.compile(r'\bc').match('abc', 2))
print(p.fullmatch('abc d', 0, 3), p.fullmatch('abc', 1), p.fullmatch('ab c'))
print(re.fullmatch('a|ab', 'ab'), re.fullmatch(r'a*?', 'aaa'))
m = p.search('héllo wörld', 6)
print(m, m.pos, m.endpos, m.span())
print(p.match(string='xy'), p.search('xy', pos=1), p.findall('a b c', endpos=3))

# Pattern objects
p = re.compile(r'(?P<a>x)(y)(?P<b>z)', re.I | re.M)
print(p, p.pattern, p.flags, p.groups, dict(p.groupindex))
print(re.compile('a'), re.compile(b'a'), re.compile('a', re.A), re.compile('a', re.U))
print(re.compile(b'a', re.L | re.I), re.compile('(?s)a'), re.compile('(?x)a').flags, re.compile(b'(?i)a').flags)
print(re.compile('a', re.I | re.S | re.X | re.M))
print(repr(re.compile('x' * 300))[-10:])
print(re.compile("it's"), re.compile('\n\t'))
print(re.compile('a') == re.compile('a'), re.compile('a') == re.compile('a', re.I),
      re.compile('a') == re.compile(b'a'), re.compile('a') != re.compile('b'))
print(hash(re.compile('ab')) == hash(re.compile('ab')), re.compile('q') is re.compile('q'))
print(type(p).__name__, type(p.match('xyz')).__name__, re.Pattern, re.Match)
print(isinstance(p, re.Pattern), isinstance(p.match('xyz'), re.Match))
print(p.__copy__() is p, p.__deepcopy__({}) is p, p.match('xyz').__copy__().group())
for f in (lambda: re.Pattern(), lambda: re.Match()):
    try:
        f()
    except TypeError as e:
        print('TypeError', e)
try:
    p.flags = 3
except AttributeError as e:
    print('AttributeError')
