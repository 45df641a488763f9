import os
name = 'tmp_file_text_details.txt'
with open(name, 'w', encoding='UTF-8') as f:
    print('héllo', 'wörld', sep='|', file=f)
    print(1, 2.5, None, file=f, end='!\n')
    f.write('a\rb\r\nc')
with open(name) as f:
    print(repr(f.read(3)), repr(f.read(4)), repr(f.readline(2)), repr(f.readline()))
    print(f.readlines())
with open(name, 'rb') as f:
    print(list(f))
with open(name, encoding='utf8') as f:
    print(f.encoding, len(list(f)), f.closed, f)
try:
    open(name, encoding='latin-1-nope')
except LookupError as e:
    print('LookupError', str(e).startswith('unknown encoding: latin-1-nope'))
n = 0
for line in open(name):
    n += 1
print(n)
with open(name, 'x' if False else 'w') as f:
    f.write('')
with open(name, 'a+') as f:
    f.write('xyz')
    f.seek(0)
    print(repr(f.read()))
os.remove(name)
