# io.StringIO: reading, writing, seeking, truncating, lines and iteration,
# the newline modes (translation and the `newlines` record) and errors.
import io


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


s = io.StringIO('hello\nworld\r\nx\ry')
print(repr(s.getvalue()), s.tell(), repr(s.readline()), repr(s.readline()), repr(s.readline()), s.tell())
print(repr(s.read()), s.tell(), repr(s.readline()))
for nl in [None, '', '\n', '\r', '\r\n']:
    s = io.StringIO('a\nb\r\nc\rd', newline=nl)
    print(repr(nl), repr(s.getvalue()), s.readlines(), repr(s.newlines))
    s.write('X\nY\r\n')
    print('  ', repr(s.getvalue()), repr(s.newlines))
s = io.StringIO()
print(s.write('abc'), s.tell(), s.seek(1), s.write('Z'), repr(s.getvalue()), s.tell())
print(s.seek(10), s.write('q'), repr(s.getvalue()), s.tell())
print(s.truncate(4), repr(s.getvalue()), s.tell(), s.truncate(), repr(s.getvalue()))
print(s.seek(0), s.read(2), s.truncate(), repr(s.getvalue()), s.write('!'), repr(s.getvalue()))
t(lambda: s.seek(-1))
t(lambda: s.seek(1, 1))
t(lambda: s.seek(1, 2))
t(lambda: s.seek(0, 1))
t(lambda: s.seek(0, 2))
t(lambda: s.seek(0, 3))
t(lambda: s.seek(1.5))
t(lambda: s.truncate(-1))
t(lambda: s.write(b'x'))
t(lambda: io.StringIO(b'x'))
t(lambda: io.StringIO('', 'x'))
t(lambda: s.read('a'))
t(lambda: s.fileno())
t(lambda: s.detach())
t(lambda: s.read(None))
t(lambda: s.readline(None))
s.seek(0)
print(list(s), s.readable(), s.writable(), s.seekable(), s.isatty(), s.closed, s.line_buffering,
      s.encoding, s.errors)
with io.StringIO('ab') as s2:
    print(s2.read(1))
print(s2.closed)
for f in (s2.read, s2.getvalue, s2.tell, lambda: s2.write('x'), lambda: s2.seek(0), s2.readline):
    t(f)
s2.close()
s = io.StringIO('one\ntwo\nthree')
print(repr(s.readline(2)), repr(s.readline(-1)), s.readlines(1), repr(s.read(2)), repr(s.read(-1)))
print(s.seek(0, 2), repr(s.read()))
s = io.StringIO('é\u20ac𝄞 and more')
print(s.read(1), s.tell(), s.read(3), s.tell(), s.seek(2), s.read())
s = io.StringIO()
s.writelines(['a', 'b\n', 'c'])
print(repr(s.getvalue()), s.tell(), len(s.getvalue()))
s = io.StringIO()
for i in range(1000):
    s.write(str(i))
print(len(s.getvalue()), s.getvalue()[-10:])
print(io.StringIO(None).getvalue() == '', io.StringIO('x', newline=None).newlines)
s = io.StringIO(newline=None)
s.write('a\r')
s.write('\nb')
print(repr(s.getvalue()), repr(s.newlines))
print(isinstance(io.StringIO(), io.TextIOBase), isinstance(io.StringIO(), io.IOBase),
      isinstance(io.StringIO(), io.BufferedIOBase))
