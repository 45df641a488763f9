# fnmatch: * ? [seq] [!seq] ranges, literal brackets, case, bytes patterns,
# filter, and translate()'s regular expression text.
import fnmatch

names = ['a.py', 'b.PY', 'abc.txt', '.hidden', 'x/y.py', 'data1.csv', 'data22.csv', 'data.csv',
         'a[b].txt', 'Z', '-', ']', '!', 'a\nb', 'é.py', 'a-z', '\\x']
patterns = ['*.py', '*.PY', '?.py', 'a*', '*', '', '.*', 'data?.csv', 'data*.csv', 'data[0-9].csv',
            'data[!0-9].csv', '[a-c]*', '[!a-c]*', '[]]', '[!]]', '[-]', '[a-]', '[--z]', '[z-a]',
            '[!z-a]', 'a[b].txt', 'a[[]b].txt', '[', 'a[', '*[', '[*]', 'x/*', '*/*', 'a?b',
            '*.*', '**', '*a*', '[\\]x', '\\x', '[a-z]-[a-z]', '[^a]*', '[&~|]', '[!]', '[]', '[a-c-e]']
for p in patterns:
    print(repr(p), fnmatch.filter(names, p))
print(fnmatch.fnmatch('A.PY', '*.py'), fnmatch.fnmatchcase('A.PY', '*.py'), fnmatch.fnmatchcase('a.py', '*.py'))
print(fnmatch.fnmatchcase(b'file.txt', b'*.txt'), fnmatch.fnmatchcase(b'\xe9.txt', b'?.txt'),
      fnmatch.filter([b'a', b'bb', b'c'], b'?'))
print(fnmatch.fnmatch('aXbXc', 'a*b*c'), fnmatch.fnmatch('abcbc', 'a*bc'), fnmatch.fnmatch('ab', 'a*b*c'))
print(fnmatch.fnmatch('x' * 40, '*x*x*x*x*x*y'), fnmatch.fnmatch('xxxy', '*x*x*x*y'))
for p in ['*.py', 'a?c', '[a-z]', '[!a-z]x', '*a*b*c', 'a*', '[]]', '[!]]', '[-a]', '[a-]', '[z-a]',
          '[!z-a]', '[]-a]', 'x[', '[\\]', '[a&&b]', '[a~~b]', '[a||b]', '[^x]', '[[]', '[--]',
          'a.b(c)+d', 'tab\there', '***x**', '[a-c-e]', '[a-ce-g]', '[!]', '[]']:
    print(repr(p), fnmatch.translate(p))
for a, b in [(1, '*'), ('a', 1), (b'a', '*'), ('a', b'*')]:
    try:
        fnmatch.fnmatch(a, b)
    except TypeError as e:
        print('TypeError', e)
