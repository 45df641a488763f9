# re: sub and subn with templates (\1, \g<name>, \g<0>, escapes, octal),
# functions, count, empty matches (3.7+ rules), bytes, and type errors.
import re

print(re.sub(r'(\w+) (\w+)', r'\2 \1', 'hello world, good day'))
print(re.sub(r'(?P<k>\w+)=(?P<v>\w+)', r'\g<v>:\g<k>;\g<0>;\g<2>', 'a=1 b=2'))
print(re.sub(r'x', r'\n\t\\\a\'\"\.', 'x'))
print(repr(re.sub(r'x', r'[\0][\01][\012][\101][\1010]', 'x')))
print(re.sub(r'(a)|b', r'[\1]', 'ab'))
print(re.sub('a', 'b', 'aaa', count=2), re.sub('a', 'b', 'aaa', 0), re.sub('a', 'b', 'aaa', -1))
print(re.subn('a', 'b', 'aaa'), re.subn('a', 'b', 'aaa', 1), re.subn('z', 'b', 'aaa'))
print(re.sub('a*', '-', 'baaac'), re.sub('x*', '-', 'abxd'), re.sub('', '-', 'abc'))
print(re.sub(r'\b', '|', 'ab cd'), re.sub(r'(?=b)', '^', 'abab'), re.sub('a|', '-', 'bab'))
print(re.subn('^', '>', 'a\nb\n', flags=re.M), re.sub('$', '<', 'a\nb\n', flags=re.M))
print(re.sub('é+', 'E', 'aééb€é'), re.sub('(.)', r'\1\1', 'aé€'))
print(re.sub(r'\s+', ' ', '  lots   of\n\tspace '))

def up(m):
    return m.group().upper()
print(re.sub(r'\w+', up, 'make it loud'))
print(re.sub(r'(\d+)', lambda m: str(int(m.group(1)) * 2), 'a1 b22 c333'))
print(re.sub('a', lambda m: None, 'banana'), re.subn('n', lambda m: '', 'banana'))
print(re.sub('x*', lambda m: '<%s>' % m.group(), 'axxb'))
print(re.sub('(a)(b)?', lambda m: repr(m.groups()), 'ab a'))
p = re.compile('o')
print(re.sub('l', lambda m: p.sub('0', 'lol'), 'hello'))
print(p.sub('0', 'foo'), p.subn(repl='0', string='foo', count=1))
print(re.sub(b'a(.)', rb'<\1>', b'xabacad'), re.subn(rb'\d', b'#', b'a1b2'))
print(re.sub(b'x', lambda m: m.group() + b'!', b'axbx'))
print(re.sub(b'(?P<n>z)', rb'\g<n>\g<1>\.', b'z'))
s = 'unchanged'
print(re.sub('q', 'z', s) is s, re.sub(b'q', b'z', b'unchanged') == b'unchanged')

# expand on a match object
m = re.match(r'(\w)(\w)?', 'a')
print(repr(m.expand(r'\1-\2-\g<0>')), repr(re.match(rb'(.)', b'z').expand(rb'\1\1')))

def err(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
err(lambda: re.sub('a', lambda m: 1, 'xa'))
err(lambda: re.sub('a', lambda m: b'x', 'a'))
err(lambda: re.sub('a', b'x', 'xa'))
err(lambda: re.sub('a', b'x', 'b'))
err(lambda: re.sub(b'a', 'x', b'a'))
err(lambda: re.sub(b'a', lambda m: 'x', b'za'))
err(lambda: re.sub('a', 1, 'a'))
err(lambda: re.sub('a', 'x', 1))
err(lambda: re.sub('a', 'x', b'a'))
err(lambda: re.sub('a', 'x', 'a', 'y'))
err(lambda: re.sub('(a)', r'\2', 'b'))
err(lambda: re.sub('(a)', r'\g<z>', 'b'))
err(lambda: re.sub('a', lambda m: 1 / 0, 'a'))
err(lambda: re.match('(a)', 'a').expand(r'\2'))
err(lambda: re.match('(a)', 'a').expand(b'x'))
err(lambda: re.match(b'(a)', b'a').expand('x'))
err(lambda: re.match('(a)', 'a').expand(3))
