# Files are written under temporary names next to this test and removed.
name = 'tmp_open_files_test.txt'
with open(name, 'w') as f:
    print(f.write('first line\n'), f.write('é second\r\nthird\n'), f.writelines(['a', 'b\n']))
    print(f.closed, f.name, f.mode, f.writable(), f.readable())
print(f.closed)
f = open(name)
print(repr(f.read(5)), repr(f.readline()), f.tell() > 0)
print(f.readlines())
print(repr(f.read()), repr(f.readline()))
f.seek(0)
print([line for line in f])
f.close()
print(f)
with open(name, encoding='utf-8') as f:
    for line in f:
        print(repr(line))
with open(name, 'a') as f:
    f.write('appended\n')
with open(name, 'r+') as f:
    print(repr(f.readline()))
    f.seek(0, 2)
    f.write('end\n')
    f.seek(0)
    print(len(f.read()))
with open(name, 'rb') as f:
    print(f, f.mode)
    data = f.read()
    print(type(data).__name__, data[:10], len(data))
    f.seek(-4, 2)
    print(f.read(), f.tell())
    f.seek(0)
    print(f.readline(), f.read(3))
with open(name, 'wb') as f:
    print(f, f.write(b'bytes\x00\xff'))
with open(name, 'rb+') as f:
    print(f, f.read(), f.seek(1), f.read(2))
with open(name, 'w') as f:
    pass
with open(name) as f:
    print(repr(f.read()), f.readlines())
print(open(name, 'a'))

def check(label, fn):
    try:
        r = fn()
        print(label, 'ok', r)
    except Exception as e:
        print(label, type(e).__name__, e)
f = open(name)
f.close()
for label, fn in [('read', f.read), ('readline', f.readline), ('write', lambda: f.write('x')),
                  ('seek', lambda: f.seek(0)), ('tell', f.tell), ('next', lambda: next(f)),
                  ('readlines', f.readlines), ('with', lambda: f.__enter__()), ('close', f.close)]:
    check(label, fn)
check('missing', lambda: open('no_such_file_here.txt'))
try:
    open('no_such_file_here.txt')
except FileNotFoundError as e:
    print(e.errno, e.strerror, e.filename, isinstance(e, OSError))
check('isdir', lambda: open('.'))
check('exists', lambda: open(name, 'x'))
check('badmode', lambda: open(name, 'rw'))
check('badmode2', lambda: open(name, 'rr'))
check('badmode3', lambda: open(name, 'z'))
check('textbin', lambda: open(name, 'rbt'))
check('binenc', lambda: open(name, 'rb', encoding='utf-8'))
check('binnewline', lambda: open(name, 'rb', newline=''))
check('type', lambda: open(['x']))
f = open(name, 'w')
check('textbytes', lambda: f.write(b'x'))
try:
    f.read()
except OSError as e:
    print('readonwrite', e)
f.close()
f = open(name, 'wb')
check('binstr', lambda: f.write('x'))
f.close()
f = open(name, 'r')
check('readarg', lambda: f.read('a'))
f.close()
import os
os.remove(name)
check('removed', lambda: open(name))
check('remove again', lambda: os.remove(name))
check('remove dir', lambda: os.remove('.'))
check('remove int', lambda: os.remove(3))
print(type(os.getcwd()).__name__, type(os.getpid()).__name__)
