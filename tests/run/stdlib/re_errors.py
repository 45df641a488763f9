# re: CPython's error messages, positions, lines and columns for bad
# patterns and templates, and the attributes of re.error.
import re

def bad(pattern, flags=0):
    try:
        re.compile(pattern, flags)
        print(repr(pattern), 'compiled')
    except re.error as e:
        print(repr(pattern), '->', e, '|', e.msg, e.pos, e.lineno, e.colno)
    except Exception as e:
        print(repr(pattern), type(e).__name__, e)

for p in ['(', '(a', 'a)', '())', '*', '+a', 'a**', 'a*?*', 'a{2}{3}', 'a{3,2}', '^*', '$+', r'\b*',
          '(?<x>a)', '(?<', '(?', '(?P', '(?Px)', '(?P<>a)', '(?P<a', '(?P<1a>x)', '(?P<a-b>x)',
          '(?P=a)', '(?P<a>x)(?P=b)', '(?P<a>(?P=a))', '(?P<a>x)(?P<a>y)', '(?P=)', '(?P=a',
          '(?z)', '(?#abc', '(?ij)', '(?i', '(?i-', '(?-', '(?-i', '(?-iz:a)', '(?i-i:a)', '(?a-a:x)',
          '(?-a:x)', '(?au)x', '(?L)x', 'a(?i)b', '(?t:x)', '(?-t:x)', '(?i)(?m)a|(?s)b',
          r'\q', r'\T', r'x\8', r'\1', r'(a)\2', r'(a\1)', r'\777', r'\x', r'\x4', r'\xZZ', r'\u12',
          r'\U0011FFFF', r'\U1', r'\N', r'\N{x', 'a\\', '[a', '[', '[]', '[^]', '[a-', r'[\q]',
          r'[\A]', r'[\8]', '[z-a]', r'[\d-z]', r'[a-\w]', r'[\x61-\x60]', '(?(1)a|b)', '(?(x)a)',
          '(?(0)a)', '(?(-1)a)', '(?(1a)x)', '(a)(?(1)a|b|c)', '(?(1)a', '(?(2)a)(b)', '(?(3)a)(b)',
          '(?<=a+)b', '(?<!ab|c)d', '(?<=(a)(?(1)b|cd))e', '(?<=(a)\\1)b', '(?<=a(?P=x))', r'(?<=(a)\1)',
          '(?P<x>a)(?<=(?P=x))b', '(?(0000000000000000001)a)', '(?(99999999999999)a)', 'a{99999999999}', 'a{4294967295}', 'a{,4294967296}',
          'x\n(\ny', b'(', b'\\q\xe9', b'(?u)x', b'[\xe9-a]', 'a[\n', r'(?x)\ ']:
    bad(p)
bad('a', re.L)
bad(b'a', re.U)
bad(b'a', re.A | re.L)
bad('(?a)x', re.U)
bad('(?u)x', re.A)
bad('(?L)x')
bad(b'(?L)x')
bad(b'(?a)(?L)x')

# re.error itself
e = re.error('plain')
print(str(e), e.msg, e.pattern, e.pos, e.lineno, e.colno, e.args)
e = re.error('two', 'ab\ncd\nef', 7)
print(str(e), e.lineno, e.colno)
e = re.error('bytes', b'ab\ncd', 4)
print(str(e), e.lineno, e.colno)
print(re.error.__module__, re.error.__name__, issubclass(re.error, Exception))

# templates
def badsub(pattern, repl, s='abc'):
    try:
        print(repr(repl), '->', repr(re.sub(pattern, repl, s)))
    except re.error as e:
        print(repr(repl), 'error:', e, '|', e.pattern == repl, e.pos)
    except Exception as e:
        print(repr(repl), type(e).__name__, e)

for r in [r'\q', '\\', r'\g', r'\g<', r'\g<>', r'\g<1', r'\g<a b>', r'\g<-1>', r'\g<x>', r'\g<3>',
          r'\3', r'\11', r'\400', r'\g<99999999999>', r'\g<1a>', r'\w']:
    badsub('(a)(b)', r)
badsub(b'(a)', b'\\q')
