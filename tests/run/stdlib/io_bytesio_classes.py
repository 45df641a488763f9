# io.BytesIO, io.TextIOWrapper over a buffer, the io class hierarchy (the
# file objects of open() and sys.stdout are io.TextIOBase/IOBase), and
# io.UnsupportedOperation from file objects.
import io
import os
import sys


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


b = io.BytesIO(b'ab\ncd\r\nef')
print(b.read(2), b.readline(), b.readlines(), b.tell(), b.getvalue())
print(b.seek(0), b.write(b'XY'), b.getvalue(), b.seek(0, 2), b.seek(-2, 1), b.read())
print(b.seek(20), b.write(b'!'), b.getvalue(), b.tell())
print(b.truncate(3), b.getvalue(), b.tell(), b.read(), list(io.BytesIO(b'a\nb')))
print(b.seek(0), b.read1(2), b.readline(1), b.readable(), b.writable(), b.seekable(), b.closed)
t(lambda: b.write('s'))
t(lambda: b.seek(-1))
t(lambda: b.seek(1.0))
t(lambda: b.seek(0, 5))
t(lambda: b.truncate(-2))
t(lambda: b.fileno())
t(lambda: io.BytesIO('x'))
b.close()
t(lambda: b.read())
t(lambda: b.getvalue())
print(b.closed, io.BytesIO().getvalue(), io.BytesIO(b'xyz').read(-1))
with io.BytesIO(b'data') as bb:
    print(bb.read())
print(bb.closed)

w = io.TextIOWrapper(io.BytesIO('héllo\r\nworld\rx\n'.encode()), encoding='utf-8')
print(repr(w.read()), w.encoding, repr(w.newlines))
w = io.TextIOWrapper(io.BytesIO(b'a\nb\n'), encoding='utf-8', newline='')
print(repr(w.readline()), list(w))
raw = io.BytesIO()
w = io.TextIOWrapper(raw, encoding='utf-8')
print(w.write('hé\n'), w.write('x'))
w.flush()
print(raw.getvalue(), w.buffer is raw, w.closed)
w.close()
print(raw.closed)

print(io.SEEK_SET, io.SEEK_CUR, io.SEEK_END, io.DEFAULT_BUFFER_SIZE)
print(issubclass(io.UnsupportedOperation, OSError), issubclass(io.UnsupportedOperation, ValueError))
print(isinstance(sys.stdout, io.TextIOBase), isinstance(sys.stdout, io.IOBase),
      isinstance(sys.stdout, io.TextIOWrapper), isinstance(sys.stderr, io.BufferedIOBase))
print(isinstance(io.BytesIO(), io.BufferedIOBase), isinstance(io.BytesIO(), io.TextIOBase),
      isinstance(io.BytesIO(), io.IOBase), issubclass(io.StringIO, io.IOBase))
print(io.open is open, io.text_encoding(None), io.text_encoding('utf-8'))

path = 'io_bytesio_classes.tmp'
with open(path, 'w') as f:
    print(isinstance(f, io.TextIOBase), isinstance(f, io.IOBase))
    try:
        f.read()
    except io.UnsupportedOperation as e:
        print('UnsupportedOperation', e)
    f.write('line one\nline two\n')
with open(path, 'rb') as f:
    print(isinstance(f, io.BufferedIOBase), isinstance(f, io.BufferedReader), isinstance(f, io.TextIOBase))
    try:
        f.write(b'x')
    except io.UnsupportedOperation as e:
        print('UnsupportedOperation', e)
    w = io.TextIOWrapper(f, encoding='utf-8')
    print(w.readlines())
with open(path, 'wb') as f:
    print(isinstance(f, io.BufferedWriter))
os.remove(path)
