# json.encoder: JSONEncoder, as CPython 3.11's. encode() (what json.dumps
# uses) makes the whole document in C (_json.encode, also with indent);
# iterencode() without _one_shot (what json.dump uses) is a generator here
# that yields the same chunks as CPython's, so a file written by json.dump
# receives the same writes, including the part written before an error.

import _json

__all__ = ['JSONEncoder', 'encode_basestring', 'encode_basestring_ascii']

INFINITY = float('inf')

encode_basestring = _json.encode_basestring
encode_basestring_ascii = _json.encode_basestring_ascii
py_encode_basestring = encode_basestring
py_encode_basestring_ascii = encode_basestring_ascii


class JSONEncoder(object):
    """Extensible JSON <https://json.org> encoder for Python data structures.

    Supports dict, list, tuple, str, int, float, True, False and None (and
    int/float/str subclasses); other objects go through default(), which a
    subclass may override to return a serializable object.
    """
    item_separator = ', '
    key_separator = ': '

    def __init__(self, *, skipkeys=False, ensure_ascii=True,
                 check_circular=True, allow_nan=True, sort_keys=False,
                 indent=None, separators=None, default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ','
        if default is not None:
            self.default = default

    def default(self, o):
        """Return a serializable object for o, or raise TypeError."""
        raise TypeError(f'Object of type {o.__class__.__name__} '
                        f'is not JSON serializable')

    def encode(self, o):
        """Return a JSON string representation of a Python data structure."""
        if isinstance(o, str):
            if self.ensure_ascii:
                return encode_basestring_ascii(o)
            return encode_basestring(o)
        chunks = self.iterencode(o, _one_shot=True)
        if not isinstance(chunks, (list, tuple)):
            chunks = list(chunks)
        return ''.join(chunks)

    def iterencode(self, o, _one_shot=False):
        """Encode the given object and yield each string representation
        as available."""
        indent = self.indent
        if indent is not None and not isinstance(indent, str):
            indent = ' ' * indent
        if _one_shot:
            # CPython takes its C encoder only without indent and otherwise
            # its Python one, whose NaN message adds the value's repr.
            return (_json.encode(o, self.check_circular, self.default, self.ensure_ascii, indent,
                                 self.key_separator, self.item_separator, self.sort_keys,
                                 self.skipkeys, self.allow_nan, indent is not None),)
        return _iterencode(o, self.check_circular, self.default,
                           encode_basestring_ascii if self.ensure_ascii else encode_basestring,
                           indent, self.key_separator, self.item_separator,
                           self.sort_keys, self.skipkeys, self.allow_nan)


def _iterencode(o, check_circular, default, quote, indent, key_sep, item_sep,
                sort_keys, skipkeys, allow_nan):
    markers = {} if check_circular else None

    def floatstr(f):
        if f != f:
            text = 'NaN'
        elif f == INFINITY:
            text = 'Infinity'
        elif f == -INFINITY:
            text = '-Infinity'
        else:
            return float.__repr__(f)
        if not allow_nan:
            raise ValueError("Out of range float values are not JSON compliant: " + repr(f))
        return text

    def enter(obj):
        if markers is not None:
            key = id(obj)
            if key in markers:
                raise ValueError("Circular reference detected")
            markers[key] = obj

    def leave(obj):
        if markers is not None:
            del markers[id(obj)]

    def scalar(v):
        # The text of a str/None/bool/int/float, or None for anything else.
        if isinstance(v, str):
            return quote(v)
        if v is None:
            return 'null'
        if v is True:
            return 'true'
        if v is False:
            return 'false'
        if isinstance(v, int):
            return int.__repr__(v)
        if isinstance(v, float):
            return floatstr(v)
        return None

    def nested(v, level):
        if isinstance(v, (list, tuple)):
            return encode_list(v, level)
        if isinstance(v, dict):
            return encode_dict(v, level)
        return encode(v, level)

    # Chunks: '[' with the first scalar item, each later scalar with its
    # separator, a container's chunks after its separator alone, and the
    # closing bracket (after the closing indent) on its own.
    def encode_list(lst, level):
        if not lst:
            yield '[]'
            return
        enter(lst)
        buf = '['
        if indent is not None:
            level += 1
            newline = '\n' + indent * level
            sep = item_sep + newline
            buf += newline
        else:
            newline = None
            sep = item_sep
        first = True
        for v in lst:
            if first:
                first = False
            else:
                buf = sep
            text = scalar(v)
            if text is not None:
                yield buf + text
            else:
                yield buf
                yield from nested(v, level)
        if newline is not None:
            level -= 1
            yield '\n' + indent * level
        yield ']'
        leave(lst)

    def encode_dict(dct, level):
        if not dct:
            yield '{}'
            return
        enter(dct)
        yield '{'
        if indent is not None:
            level += 1
            newline = '\n' + indent * level
            sep = item_sep + newline
            yield newline
        else:
            newline = None
            sep = item_sep
        first = True
        items = sorted(dct.items()) if sort_keys else dct.items()
        for key, v in items:
            if isinstance(key, str):
                pass
            elif isinstance(key, float):
                key = floatstr(key)
            elif key is True:
                key = 'true'
            elif key is False:
                key = 'false'
            elif key is None:
                key = 'null'
            elif isinstance(key, int):
                key = int.__repr__(key)
            elif skipkeys:
                continue
            else:
                raise TypeError(f'keys must be str, int, float, bool or None, '
                                f'not {key.__class__.__name__}')
            if first:
                first = False
            else:
                yield sep
            yield quote(key)
            yield key_sep
            text = scalar(v)
            if text is not None:
                yield text
            else:
                yield from nested(v, level)
        if newline is not None:
            level -= 1
            yield '\n' + indent * level
        yield '}'
        leave(dct)

    def encode(v, level):
        text = scalar(v)
        if text is not None:
            yield text
        elif isinstance(v, (list, tuple)):
            yield from encode_list(v, level)
        elif isinstance(v, dict):
            yield from encode_dict(v, level)
        else:
            enter(v)
            yield from encode(default(v), level)
            leave(v)

    return encode(o, 0)
