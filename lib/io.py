# io: in-memory streams and the io class names, with CPython 3.11's
# behaviour.
#
# Offered: StringIO (newline modes None, '', '\n', '\r', '\r\n' with their
# translation and the `newlines` record), BytesIO, TextIOWrapper over a
# binary stream (a BytesIO or an open(..., 'rb'/'wb') file), the abstract
# classes IOBase / RawIOBase / BufferedIOBase / TextIOBase (the file
# objects open() makes are registered with them, so isinstance(sys.stdout,
# io.TextIOBase) holds), UnsupportedOperation (also what the file objects
# raise once io is imported), open, text_encoding, SEEK_*, DEFAULT_BUFFER_SIZE.
#
# Differences: io.TextIOWrapper is a Python class that wraps a buffer;
# sys.stdout and open()'s text files are of the C class _io.TextIOWrapper,
# a virtual subclass of it (isinstance works, type(f) is io.TextIOWrapper
# does not). TextIOWrapper reads its whole buffer on the first read, and
# only UTF-8 (the one codec aiopy has) is known.
# Left out: FileIO, BufferedRWPair, IncrementalNewlineDecoder, open_code,
# BytesIO.getbuffer/readinto (aiopy has no memoryview or bytearray).

import abc
import _io
from builtins import open

__all__ = ["BlockingIOError", "open", "IOBase", "RawIOBase",
           "StringIO", "BytesIO", "TextIOWrapper", "UnsupportedOperation",
           "SEEK_SET", "SEEK_CUR", "SEEK_END", "DEFAULT_BUFFER_SIZE",
           "text_encoding", "BufferedIOBase", "TextIOBase",
           "BufferedReader", "BufferedWriter", "BufferedRandom"]

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
DEFAULT_BUFFER_SIZE = 8192

BufferedReader = _io.BufferedReader
BufferedWriter = _io.BufferedWriter
BufferedRandom = _io.BufferedRandom


class UnsupportedOperation(OSError, ValueError):
    pass


def text_encoding(encoding, stacklevel=2):
    """The encoding open() uses for text when given [encoding]."""
    return "locale" if encoding is None else encoding


def _index_arg(n, what='integer'):
    # The size arguments of read/readline/truncate: None means "all".
    if n is None:
        return -1
    if not isinstance(n, int):
        raise TypeError(f"argument should be integer or None, not '{type(n).__name__}'")
    return n


def _int_arg(n):
    if isinstance(n, int):
        return int(n)
    method = getattr(type(n), '__index__', None)
    if method is None:
        raise TypeError(f"'{type(n).__name__}' object cannot be interpreted as an integer")
    return method(n)


class IOBase(metaclass=abc.ABCMeta):
    """The base class of all I/O classes: closing, context management,
    iteration by lines, and the capability queries."""

    __closed = False

    def _unsupported(self, name):
        raise UnsupportedOperation(name)

    def seek(self, pos, whence=0):
        self._unsupported("seek")

    def tell(self):
        return self.seek(0, 1)

    def truncate(self, pos=None):
        self._unsupported("truncate")

    def flush(self):
        self._checkClosed()

    def close(self):
        if not self.__closed:
            try:
                self.flush()
            finally:
                self.__closed = True

    @property
    def closed(self):
        return self.__closed

    def _checkClosed(self, msg=None):
        if self.closed:
            raise ValueError("I/O operation on closed file." if msg is None else msg)

    def seekable(self):
        return False

    def readable(self):
        return False

    def writable(self):
        return False

    def fileno(self):
        self._unsupported("fileno")

    def isatty(self):
        self._checkClosed()
        return False

    def __enter__(self):
        self._checkClosed()
        return self

    def __exit__(self, *args):
        self.close()

    def __iter__(self):
        self._checkClosed()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def readlines(self, hint=None):
        hint = _index_arg(hint)
        lines = []
        total = 0
        for line in self:
            lines.append(line)
            total += len(line)
            if 0 < hint <= total:
                break
        return lines

    def writelines(self, lines):
        self._checkClosed()
        for line in lines:
            self.write(line)


class RawIOBase(IOBase):
    """Base class for raw binary I/O."""


class BufferedIOBase(IOBase):
    """Base class for buffered binary I/O."""

    def detach(self):
        self._unsupported("detach")


class TextIOBase(IOBase):
    """Base class for text I/O."""

    def detach(self):
        self._unsupported("detach")

    @property
    def encoding(self):
        return None

    @property
    def newlines(self):
        return None

    @property
    def errors(self):
        return None


# The C file classes take part in isinstance/issubclass through the ABCs.
for _klass in (BufferedReader, BufferedWriter, BufferedRandom):
    BufferedIOBase.register(_klass)
TextIOBase.register(_io.TextIOWrapper)
IOBase.register(_io._IOBase)
del _klass

# `newlines`: which kinds of line ending universal-newline input has seen
# (bit 1 LF, 2 CR, 4 CRLF), as CPython reports them.
_SEEN_LF, _SEEN_CR, _SEEN_CRLF = 1, 2, 4
_NEWLINES = (None, "\n", "\r", ("\r", "\n"), "\r\n", ("\n", "\r\n"),
             ("\r", "\r\n"), ("\r", "\n", "\r\n"))


def _seen_newlines(text):
    seen = 0
    crlf = text.count('\r\n')
    if crlf:
        seen |= _SEEN_CRLF
    if text.count('\r') > crlf:
        seen |= _SEEN_CR
    if text.count('\n') > crlf:
        seen |= _SEEN_LF
    return seen


def _find_line_end(text, pos, newline, limit):
    # The index just past the next line ending at or after pos (or the end).
    end = len(text) if limit < 0 else min(len(text), pos + limit)
    if newline is None or newline == '\n':
        i = text.find('\n', pos, end)
        return end if i < 0 else i + 1
    if newline == '':
        # Any of \r, \n, \r\n ends a line.
        i = pos
        while i < end:
            c = text[i]
            if c == '\n':
                return i + 1
            if c == '\r':
                if i + 1 < end and text[i + 1] == '\n':
                    return i + 2
                return i + 1
            i += 1
        return end
    i = text.find(newline, pos, end)
    if i < 0:   # only a whole terminator ends a line ('\r\n' cut by the limit does not)
        return end
    return i + len(newline)


class StringIO(TextIOBase):
    """Text I/O implementation using an in-memory buffer."""

    def __init__(self, initial_value='', newline='\n'):
        if newline is not None and not isinstance(newline, str):
            raise TypeError(f"newline must be str or None, not {type(newline).__name__}")
        if newline not in (None, '', '\n', '\r', '\r\n'):
            raise ValueError(f"illegal newline value: {newline!r}")
        if initial_value is not None and not isinstance(initial_value, str):
            raise TypeError(f"initial_value must be str or None, not {type(initial_value).__name__}")
        self._newline = newline
        self._seen = 0
        # The text is a list of pieces while it is only appended to (joined
        # when read), so that building a string by writes stays linear.
        self._parts = []
        self._text = ''
        self._len = 0
        self._pos = 0
        self._closed = False
        if initial_value:
            self.write(initial_value)
            self._pos = 0

    def _check(self):
        if self._closed:
            raise ValueError("I/O operation on closed file")

    def _value(self):
        if self._parts:
            self._text = self._text + ''.join(self._parts)
            self._parts = []
        return self._text

    @property
    def closed(self):
        return self._closed

    def close(self):
        self._closed = True

    def getvalue(self):
        self._check()
        return self._value()

    def readable(self):
        self._check()
        return True

    def writable(self):
        self._check()
        return True

    def seekable(self):
        self._check()
        return True

    def isatty(self):
        self._check()
        return False

    @property
    def line_buffering(self):
        self._check()
        return False

    @property
    def newlines(self):
        self._check()
        if self._newline is None or self._newline == '':
            return _NEWLINES[self._seen]
        return None

    def write(self, s):
        self._check()
        if not isinstance(s, str):
            raise TypeError(f"string argument expected, got '{type(s).__name__}'")
        n = len(s)
        nl = self._newline
        if nl is None or nl == '':
            if '\r' in s or '\n' in s:
                self._seen |= _seen_newlines(s)
                if nl is None:
                    s = s.replace('\r\n', '\n').replace('\r', '\n')
        elif nl != '\n' and '\n' in s:
            s = s.replace('\n', nl)
        if not s:
            return n
        pos = self._pos
        if pos == self._len:
            self._parts.append(s)
        else:
            text = self._value()
            if pos > len(text):
                text = text + '\0' * (pos - len(text))
            self._text = text[:pos] + s + text[pos + len(s):]
        self._pos = pos + len(s)
        if self._pos > self._len:
            self._len = self._pos
        return n

    def read(self, size=-1):
        self._check()
        size = _index_arg(size)
        text = self._value()
        pos = self._pos
        if pos >= len(text):
            return ''
        end = len(text) if size < 0 else min(len(text), pos + size)
        self._pos = end
        return text[pos:end]

    def readline(self, size=-1):
        self._check()
        size = _index_arg(size)
        text = self._value()
        pos = self._pos
        if pos >= len(text):
            return ''
        end = _find_line_end(text, pos, self._newline, size)
        self._pos = end
        return text[pos:end]

    def __next__(self):
        self._check()
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def __iter__(self):
        self._check()
        return self

    def tell(self):
        self._check()
        return self._pos

    def seek(self, pos, whence=0):
        self._check()
        pos = _int_arg(pos)
        whence = _int_arg(whence)
        if whence not in (0, 1, 2):
            raise ValueError(f"Invalid whence ({whence}, should be 0, 1 or 2)")
        if whence == 0:
            if pos < 0:
                raise ValueError(f"Negative seek position {pos}")
            self._pos = pos
        elif pos != 0:
            # CPython says "cur-relative" for both whence 1 and 2.
            raise OSError("Can't do nonzero cur-relative seeks")
        elif whence == 2:
            self._pos = self._len
        return self._pos

    def truncate(self, size=None):
        self._check()
        size = self._pos if size is None else _int_arg(size)
        if size < 0:
            raise ValueError(f"Negative size value {size}")
        if size < self._len:
            self._text = self._value()[:size]
            self._len = size
        return size

    def detach(self):
        self._check()
        raise UnsupportedOperation("detach")

    def fileno(self):
        self._check()
        raise UnsupportedOperation("fileno")

    def flush(self):
        self._check()

    def __enter__(self):
        self._check()
        return self

    def __exit__(self, *args):
        self.close()

    @property
    def encoding(self):
        return None

    @property
    def errors(self):
        return None

    def __getstate__(self):
        raise TypeError(f"cannot pickle '{type(self).__name__}' object")


def _bytes_arg(b):
    if not isinstance(b, bytes):
        raise TypeError(f"a bytes-like object is required, not '{type(b).__name__}'")
    return b


class BytesIO(BufferedIOBase):
    """Buffered I/O implementation using an in-memory bytes buffer."""

    def __init__(self, initial_bytes=None):
        self._data = b'' if initial_bytes is None else _bytes_arg(initial_bytes)
        self._pos = 0
        self._closed = False

    def _check(self):
        if self._closed:
            raise ValueError("I/O operation on closed file.")

    @property
    def closed(self):
        return self._closed

    def close(self):
        self._closed = True

    def getvalue(self):
        self._check()
        return self._data

    def getbuffer(self):
        raise NotImplementedError("aiopy: BytesIO.getbuffer() is not supported (no memoryview)")

    def readinto(self, b):
        raise NotImplementedError("aiopy: BytesIO.readinto() is not supported (no bytearray)")

    def readable(self):
        self._check()
        return True

    def writable(self):
        self._check()
        return True

    def seekable(self):
        self._check()
        return True

    def isatty(self):
        self._check()
        return False

    def flush(self):
        self._check()

    def read(self, size=-1):
        self._check()
        size = _index_arg(size)
        data = self._data
        pos = self._pos
        if pos >= len(data):
            return b''
        end = len(data) if size < 0 else min(len(data), pos + size)
        self._pos = end
        return data[pos:end]

    read1 = read

    def readline(self, size=-1):
        self._check()
        size = _index_arg(size)
        data = self._data
        pos = self._pos
        if pos >= len(data):
            return b''
        end = len(data) if size < 0 else min(len(data), pos + size)
        i = data.find(b'\n', pos, end)
        end = end if i < 0 else i + 1
        self._pos = end
        return data[pos:end]

    def __next__(self):
        self._check()
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def __iter__(self):
        self._check()
        return self

    def write(self, b):
        self._check()
        b = _bytes_arg(b)
        n = len(b)
        if not n:
            return 0
        data = self._data
        pos = self._pos
        if pos > len(data):
            data = data + b'\0' * (pos - len(data))
        self._data = data[:pos] + b + data[pos + n:]
        self._pos = pos + n
        return n

    def tell(self):
        self._check()
        return self._pos

    def seek(self, pos, whence=0):
        self._check()
        pos = _int_arg(pos)
        whence = _int_arg(whence)
        if whence == 0:
            if pos < 0:
                raise ValueError(f"negative seek value {pos}")
            self._pos = pos
        elif whence == 1:
            self._pos = max(0, self._pos + pos)
        elif whence == 2:
            self._pos = max(0, len(self._data) + pos)
        else:
            raise ValueError(f"invalid whence ({whence}, should be 0, 1 or 2)")
        return self._pos

    def truncate(self, size=None):
        self._check()
        size = self._pos if size is None else _int_arg(size)
        if size < 0:
            raise ValueError(f"negative size value {size}")
        if size < len(self._data):
            self._data = self._data[:size]
        return size

    def fileno(self):
        self._check()
        raise UnsupportedOperation("fileno")

    def detach(self):
        self._check()
        raise UnsupportedOperation("detach")

    def __enter__(self):
        self._check()
        return self

    def __exit__(self, *args):
        self.close()


class TextIOWrapper(TextIOBase):
    """Character and line based layer over a BufferedIOBase object (a
    BytesIO, or a file opened in binary mode)."""

    def __init__(self, buffer, encoding=None, errors=None, newline=None,
                 line_buffering=False, write_through=False):
        if newline is not None and not isinstance(newline, str):
            raise TypeError(f"TextIOWrapper() argument 'newline' must be str or None, not {type(newline).__name__}")
        if newline not in (None, '', '\n', '\r', '\r\n'):
            raise ValueError(f"illegal newline value: {newline}")
        if encoding is None or encoding == 'locale':
            encoding = 'utf-8'
        if encoding.lower().replace('_', '-') not in ('utf-8', 'utf8'):
            raise NotImplementedError(f"aiopy: TextIOWrapper supports only UTF-8, not {encoding!r}")
        self.buffer = buffer
        self._encoding = encoding
        self._errors = 'strict' if errors is None else errors
        self._newline = newline
        self.line_buffering = line_buffering
        self.write_through = write_through
        self._seen = 0
        self._text = None     # the decoded rest of the buffer, once read
        self._pos = 0

    def __repr__(self):
        name = getattr(self.buffer, 'name', None)
        if name is None:
            return f"<_io.TextIOWrapper encoding='{self._encoding}'>"
        return f"<_io.TextIOWrapper name={name!r} encoding='{self._encoding}'>"

    @property
    def encoding(self):
        return self._encoding

    @property
    def errors(self):
        return self._errors

    @property
    def newlines(self):
        return _NEWLINES[self._seen] if self._newline in (None, '') else None

    @property
    def closed(self):
        return self.buffer.closed

    @property
    def name(self):
        return self.buffer.name

    def _check(self):
        if self.buffer.closed:
            raise ValueError("I/O operation on closed file.")

    def readable(self):
        return self.buffer.readable()

    def writable(self):
        return self.buffer.writable()

    def seekable(self):
        return self.buffer.seekable()

    def fileno(self):
        return self.buffer.fileno()

    def isatty(self):
        return self.buffer.isatty()

    def flush(self):
        self.buffer.flush()

    def close(self):
        if not self.buffer.closed:
            try:
                self.flush()
            finally:
                self.buffer.close()

    def detach(self):
        self.flush()
        buffer = self.buffer
        self.buffer = None
        return buffer

    def _load(self):
        if self._text is None:
            if not self.buffer.readable():
                raise UnsupportedOperation("not readable")
            text = self.buffer.read().decode(self._encoding, self._errors)
            if self._newline in (None, ''):
                self._seen |= _seen_newlines(text)
                if self._newline is None:
                    text = text.replace('\r\n', '\n').replace('\r', '\n')
            self._text = text
            self._pos = 0
        return self._text

    def read(self, size=-1):
        self._check()
        size = _index_arg(size)
        text = self._load()
        pos = self._pos
        end = len(text) if size < 0 else min(len(text), pos + size)
        self._pos = end
        return text[pos:end]

    def readline(self, size=-1):
        self._check()
        size = _index_arg(size)
        text = self._load()
        pos = self._pos
        if pos >= len(text):
            return ''
        end = _find_line_end(text, pos, self._newline, size)
        self._pos = end
        return text[pos:end]

    def write(self, s):
        self._check()
        if not isinstance(s, str):
            raise TypeError(f"write() argument must be str, not {type(s).__name__}")
        n = len(s)
        if self._newline not in (None, '', '\n') and '\n' in s:
            s = s.replace('\n', self._newline)
        self._text = None
        self.buffer.write(s.encode(self._encoding, self._errors))
        if self.line_buffering and ('\n' in s or '\r' in s):
            self.flush()
        return n

    def tell(self):
        self._check()
        if self._text is None:
            return self.buffer.tell()
        raise UnsupportedOperation("aiopy: tell() after reading a TextIOWrapper is not supported")

    def seek(self, cookie, whence=0):
        self._check()
        self._text = None
        return self.buffer.seek(cookie, whence)


TextIOWrapper.register(_io.TextIOWrapper)
