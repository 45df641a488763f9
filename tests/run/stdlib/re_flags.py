# re: the flags (values, reprs, operators), inline and scoped flags, the
# compile cache and purge, escape, compiled patterns as arguments, Scanner.
import re

for f in (re.I, re.M, re.S, re.X, re.A, re.U, re.L, re.NOFLAG, re.I | re.M, re.I | re.M | re.X,
          re.A | re.I, ~re.I, re.I & re.M, re.I ^ re.I, re.I | 1, re.I | 512, 8 | re.I):
    print(repr(f), str(f), int(f), type(f).__name__)
print(re.IGNORECASE == 2, re.I.value, re.I.name, (re.I | re.M).name, re.I + 1, f'{re.M}', f'{re.M:d}', '%d' % re.X)
print(re.VERBOSE is re.X, re.ASCII == re.A, re.DOTALL, re.RegexFlag(2), re.MULTILINE in (8,))

print(re.findall('a', 'aAa', re.I), re.findall('(?i)a', 'aAa'), re.findall('(?i:a)a', 'aAaAA'))
print(re.findall('^x', 'x\nx', re.M), re.findall('(?m)^x$', 'x\nx'), re.findall('(?m:^x)|y$', 'x\nyx\ny'))
print(re.findall('a.b', 'a\nb', re.S), re.findall('(?s)a.b', 'a\nb'), re.findall('(?s:.)(?-s:.)?', '\n\n'))
print(re.findall(r'\w', 'éa', re.A), re.findall(r'(?a)\w', 'éa'), re.findall(r'\w', 'éa', re.U))
print(re.findall(' a # c', ' a', re.X), re.findall(' a # c', ' a'), re.findall('(?x: a )b', 'ab'))
print(re.compile('(?i)(?m)x').flags, re.compile('(?im)x').flags == re.compile('x', re.I | re.M).flags)
print(re.compile('(?x)a', re.I).flags, re.compile('(?i:a)').flags, re.compile(b'(?L)a').flags)
print(re.compile('a', re.I | re.M | re.S), re.compile(r'\w', re.A).pattern)
print(re.findall(r'(?i)\w+', 'ÉTÉ été'), re.findall('(?i)é', 'É'), re.findall('(?i)[à-é]', 'ÀÉ'))

# compiled patterns and the cache
p = re.compile(r'\d+')
print(re.compile(p) is p, re.match(p, '12').group(), re.findall(p, 'a1b22'))
try:
    re.compile(p, re.I)
except ValueError as e:
    print('ValueError', e)
for bad in (None, 12, ['a']):
    try:
        re.compile(bad)
    except TypeError as e:
        print('TypeError', e)
print(re.compile('abc') is re.compile('abc'), re.compile('abc', re.I) is re.compile('abc', re.I))
print(re.compile('abc') is re.compile('abc', re.I), re.compile('x', re.I) is re.compile('x', 2))
q = re.compile('cached')
re.purge()
print(re.compile('cached') is q, re.compile('cached') == q)
for i in range(600):
    re.compile('pat%d' % i)
print(re.compile('pat599') is re.compile('pat599'))

# escape
print(re.escape('a.b*c?d+e(f)g[h]i{j}k|l^m$n\\o'))
print(re.escape('- &~# \t\n\r\v\f'), re.escape('éü_09AZ!"%\',/:;<=>@`'))
print(re.escape(b'a.b\xff c'), re.escape(''))
s = 'x*(y)?[z]{2}$^.'
print(re.match(re.escape(s), s).group() == s, re.match(re.escape(s), s, re.X).group() == s)
try:
    re.escape(3)
except TypeError as e:
    print('TypeError')

# Scanner
def ident(scanner, token):
    return 'ID:' + token
scanner = re.Scanner([(r'[a-z_]\w*', ident), (r'\d+', lambda s, t: int(t)), (r'\s+', None), (r'[=+]', lambda s, t: 'OP' + t)])
print(scanner.scan('x = y + 42 ?rest'))
print(scanner.scan(''), re.Scanner([('a', 'A'), ('ab', 'AB')]).scan('abab'))

print(sorted(n for n in re.__all__), re.__version__)
print(re.error, re.Pattern, re.Match, re.RegexFlag.__name__)
