"""string: string constants, capwords, Template and Formatter (CPython
3.11's module).

Template's default placeholders ($name, ${name}, $$) are found by a small
scanner here, so using string needs no regular expressions; a subclass that
sets its own pattern, idpattern, braceidpattern or flags gets them compiled
by re exactly as CPython does (a subclass changing only the delimiter keeps
the scanner). Formatter.parse and the field-name splitting are what
CPython's _string module does in C, with its error messages.
"""

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords",
           "digits", "hexdigits", "octdigits", "printable", "punctuation",
           "whitespace", "Formatter", "Template"]

whitespace = ' \t\n\r\v\f'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    """capwords(s [,sep]) -> string

    Split the argument into words using split, capitalize each
    word using capitalize, and join the capitalized words using
    join.  If the optional second argument sep is absent or None,
    runs of whitespace characters are replaced by a single space
    and leading and trailing whitespace are removed, otherwise
    sep is used to split and join the words.

    """
    return (sep or ' ').join(map(str.capitalize, s.split(sep)))


# ---- Template ----

_sentinel_dict = {}

_DEFAULT_IDPATTERN = r'(?a:[_a-z][_a-z0-9]*)'
_RE_IGNORECASE = 2   # re.IGNORECASE


class _KwsOverMapping:
    # What ChainMap(kws, mapping) does for substitute(): keywords first.
    __slots__ = ('kws', 'mapping')

    def __init__(self, kws, mapping):
        self.kws = kws
        self.mapping = mapping

    def __getitem__(self, key):
        try:
            return self.kws[key]
        except KeyError:
            return self.mapping[key]


def _is_ident_start(c):
    return c == '_' or 'a' <= c <= 'z' or 'A' <= c <= 'Z'


def _is_ident_char(c):
    return c == '_' or 'a' <= c <= 'z' or 'A' <= c <= 'Z' or '0' <= c <= '9'


class _Match:
    """One placeholder found by the scanner, with the parts of re's match
    object that Template uses."""
    __slots__ = ('string', 'begin', 'end_', 'kind', 'name')

    def __init__(self, string, begin, end, kind, name):
        self.string = string
        self.begin = begin
        self.end_ = end
        self.kind = kind    # 'escaped', 'named', 'braced' or 'invalid'
        self.name = name

    def group(self, which=0):
        if which == 0:
            return self.string[self.begin:self.end_]
        if which == self.kind:
            return '' if which == 'invalid' else self.name
        return None

    def start(self, which=0):
        if which == 0 or which == self.kind:
            return self.begin if which != 'invalid' else self.end_
        return -1


def _scan(template, delim):
    """The placeholders of template, left to right: what the default
    pattern (delimiter, then the delimiter again, an identifier, or a
    braced identifier; anything else is invalid) matches."""
    n = len(template)
    dl = len(delim)
    i = template.find(delim)
    while i >= 0:
        j = i + dl
        if template.startswith(delim, j):
            m = _Match(template, i, j + dl, 'escaped', delim)
        elif j < n and _is_ident_start(template[j]):
            k = j + 1
            while k < n and _is_ident_char(template[k]):
                k += 1
            m = _Match(template, i, k, 'named', template[j:k])
        else:
            m = None
            if j < n and template[j] == '{' and j + 1 < n and _is_ident_start(template[j + 1]):
                k = j + 2
                while k < n and _is_ident_char(template[k]):
                    k += 1
                if k < n and template[k] == '}':
                    m = _Match(template, i, k + 1, 'braced', template[j + 1:k])
            if m is None:
                m = _Match(template, i, j, 'invalid', None)
        yield m
        i = template.find(delim, m.end_ if m.end_ > i else i + 1)


class Template:
    """A string class for supporting $-substitutions."""

    delimiter = '$'
    # r'[a-z]' matches some non-ASCII letters under IGNORECASE: (?a:...)
    # keeps identifiers ASCII, as CPython does.
    idpattern = _DEFAULT_IDPATTERN
    braceidpattern = None
    flags = _RE_IGNORECASE
    _use_re = False

    def __init_subclass__(cls):
        super().__init_subclass__()
        custom = ('pattern' in cls.__dict__ or cls.idpattern != _DEFAULT_IDPATTERN
                  or cls.braceidpattern is not None or cls.flags != _RE_IGNORECASE
                  or getattr(cls, '_use_re', False))
        if not custom:
            return
        # CPython's construction of the pattern, compiled by re.
        import re
        if 'pattern' in cls.__dict__:
            pattern = cls.pattern
        else:
            delim = re.escape(cls.delimiter)
            id = cls.idpattern
            bid = cls.braceidpattern or cls.idpattern
            pattern = fr"""
            {delim}(?:
              (?P<escaped>{delim})  |   # Escape sequence of two delimiters
              (?P<named>{id})       |   # delimiter and a Python identifier
              {{(?P<braced>{bid})}} |   # delimiter and a braced identifier
              (?P<invalid>)             # Other ill-formed delimiter exprs
            )
            """
        cls.pattern = re.compile(pattern, cls.flags | re.VERBOSE)
        cls._use_re = True

    def __init__(self, template):
        self.template = template

    def _matches(self):
        if self._use_re:
            return self.pattern.finditer(self.template)
        return _scan(self.template, self.delimiter)

    def _invalid(self, mo):
        i = mo.start('invalid')
        lines = self.template[:i].splitlines(keepends=True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = i - len(''.join(lines[:-1]))
            lineno = len(lines)
        raise ValueError('Invalid placeholder in string: line %d, col %d' %
                         (lineno, colno))

    def _unrecognized(self):
        raise ValueError('Unrecognized named group in pattern',
                         self.pattern if self._use_re else None)

    def _substitute(self, convert):
        out = []
        pos = 0
        template = self.template
        for mo in self._matches():
            out.append(template[pos:mo.start()])
            out.append(convert(mo))
            pos = mo.end() if self._use_re else mo.end_
        out.append(template[pos:])
        return ''.join(out)

    def substitute(self, mapping=_sentinel_dict, /, **kws):
        if mapping is _sentinel_dict:
            mapping = kws
        elif kws:
            mapping = _KwsOverMapping(kws, mapping)

        def convert(mo):
            named = mo.group('named') or mo.group('braced')
            if named is not None:
                return str(mapping[named])
            if mo.group('escaped') is not None:
                return self.delimiter
            if mo.group('invalid') is not None:
                self._invalid(mo)
            self._unrecognized()
        return self._substitute(convert)

    def safe_substitute(self, mapping=_sentinel_dict, /, **kws):
        if mapping is _sentinel_dict:
            mapping = kws
        elif kws:
            mapping = _KwsOverMapping(kws, mapping)

        def convert(mo):
            named = mo.group('named') or mo.group('braced')
            if named is not None:
                try:
                    return str(mapping[named])
                except KeyError:
                    return mo.group()
            if mo.group('escaped') is not None:
                return self.delimiter
            if mo.group('invalid') is not None:
                return mo.group()
            self._unrecognized()
        return self._substitute(convert)

    def is_valid(self):
        for mo in self._matches():
            if mo.group('invalid') is not None:
                return False
            if (mo.group('named') is None and mo.group('braced') is None
                    and mo.group('escaped') is None):
                self._unrecognized()
        return True

    def get_identifiers(self):
        ids = []
        for mo in self._matches():
            named = mo.group('named') or mo.group('braced')
            if named is not None and named not in ids:
                ids.append(named)
            elif (named is None and mo.group('invalid') is None
                  and mo.group('escaped') is None):
                self._unrecognized()
        return ids


# ---- Formatter ----

def _decimal_index(s):
    # _string's get_integer: the value of an all-digits name, else -1.
    if not s:
        return -1
    for c in s:
        if not c.isdecimal():
            return -1
    return int(s)


def _formatter_parser(s):
    """(literal_text, field_name, format_spec, conversion) tuples, as
    _string.formatter_parser gives them."""
    n = len(s)
    pos = 0
    while pos < n:
        start = pos
        c = ''
        markup = False
        while pos < n:
            c = s[pos]
            pos += 1
            if c == '{' or c == '}':
                markup = True
                break
        at_end = pos >= n
        length = pos - start
        if c == '}' and markup and (at_end or s[pos] != '}'):
            raise ValueError("Single '}' encountered in format string")
        if at_end and c == '{' and markup:
            raise ValueError("Single '{' encountered in format string")
        if markup:
            if s[pos] == c:
                # A doubled brace: literal text (with one brace), no field.
                pos += 1
                markup = False
            else:
                length -= 1
        literal = s[start:start + length]
        if not markup:
            yield (literal, None, None, None)
            continue
        field_name, format_spec, conversion, pos = _parse_field(s, pos)
        yield (literal, field_name, format_spec, conversion)


def _parse_field(s, pos):
    """The field after a '{' at pos: (name, spec, conversion, position
    after the closing '}')."""
    n = len(s)
    c = ''
    name_start = pos
    while pos < n:
        c = s[pos]
        pos += 1
        if c == '{':
            raise ValueError("unexpected '{' in field name")
        if c == '[':
            # A ':' or '!' inside [...] belongs to the name.
            while pos < n and s[pos] != ']':
                pos += 1
            continue
        if c == '}' or c == ':' or c == '!':
            break
    field_name = s[name_start:pos - 1]
    if c != '!' and c != ':':
        if c != '}':
            raise ValueError("expected '}' before end of string")
        return field_name, '', None, pos
    conversion = None
    if c == '!':
        if pos >= n:
            raise ValueError('end of string while looking for conversion specifier')
        conversion = s[pos]
        pos += 1
        if pos < n:
            c = s[pos]
            pos += 1
            if c == '}':
                return field_name, '', conversion, pos
            if c != ':':
                raise ValueError("expected ':' after conversion specifier")
    spec_start = pos
    depth = 1
    while pos < n:
        c = s[pos]
        pos += 1
        if c == '{':
            depth += 1
        elif c == '}':
            depth -= 1
            if depth == 0:
                return field_name, s[spec_start:pos - 1], conversion, pos
    raise ValueError("unmatched '{' in format spec")


def _field_rest(s, pos):
    # The .attr and [key] parts after a field's first name.
    n = len(s)
    while pos < n:
        c = s[pos]
        pos += 1
        if c == '.':
            start = pos
            while pos < n and s[pos] not in '.[':
                pos += 1
            name = s[start:pos]
            if not name:
                raise ValueError('Empty attribute in format string')
            yield (True, name)
        elif c == '[':
            start = pos
            while pos < n and s[pos] != ']':
                pos += 1
            if pos >= n:
                raise ValueError("Missing ']' in format string")
            name = s[start:pos]
            pos += 1
            if not name:
                raise ValueError('Empty attribute in format string')
            idx = _decimal_index(name)
            yield (False, idx if idx != -1 else name)
        else:
            raise ValueError("Only '.' or '[' may follow ']' in format field specifier")


def _formatter_field_name_split(s):
    i = 0
    n = len(s)
    while i < n and s[i] not in '.[':
        i += 1
    first = s[:i]
    idx = _decimal_index(first)
    return (idx if idx != -1 else first), _field_rest(s, i)


class Formatter:
    """str.format's machinery, in methods a subclass can override."""

    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        used_args = set()
        result, _ = self._vformat(format_string, args, kwargs, used_args, 2)
        self.check_unused_args(used_args, args, kwargs)
        return result

    def _vformat(self, format_string, args, kwargs, used_args, recursion_depth,
                 auto_arg_index=0):
        if recursion_depth < 0:
            raise ValueError('Max string recursion exceeded')
        result = []
        for literal_text, field_name, format_spec, conversion in self.parse(format_string):
            if literal_text:
                result.append(literal_text)
            if field_name is None:
                continue
            # Automatic numbering ({}) and explicit indexes ({0}) do not mix;
            # auto_arg_index is False once an explicit index was seen.
            if field_name == '':
                if auto_arg_index is False:
                    raise ValueError('cannot switch from manual field '
                                     'specification to automatic field numbering')
                field_name = str(auto_arg_index)
                auto_arg_index += 1
            elif field_name.isdigit():
                if auto_arg_index:
                    raise ValueError('cannot switch from manual field '
                                     'specification to automatic field numbering')
                auto_arg_index = False
            obj, arg_used = self.get_field(field_name, args, kwargs)
            used_args.add(arg_used)
            obj = self.convert_field(obj, conversion)
            # The spec may hold fields of its own ({:{width}}).
            format_spec, auto_arg_index = self._vformat(
                format_spec, args, kwargs, used_args, recursion_depth - 1,
                auto_arg_index=auto_arg_index)
            result.append(self.format_field(obj, format_spec))
        return ''.join(result), auto_arg_index

    def get_value(self, key, args, kwargs):
        if isinstance(key, int):
            return args[key]
        return kwargs[key]

    def check_unused_args(self, used_args, args, kwargs):
        pass

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        if conversion is None:
            return value
        if conversion == 's':
            return str(value)
        if conversion == 'r':
            return repr(value)
        if conversion == 'a':
            return ascii(value)
        raise ValueError(f'Unknown conversion specifier {conversion!s}')

    def parse(self, format_string):
        """(literal_text, field_name, format_spec, conversion) for each
        piece of format_string; field_name is None after the last field."""
        return _formatter_parser(format_string)

    def get_field(self, field_name, args, kwargs):
        """The object a field names ('0', 'name', 'a.b[0]'), and the key
        used to look it up in args or kwargs."""
        first, rest = _formatter_field_name_split(field_name)
        obj = self.get_value(first, args, kwargs)
        for is_attr, i in rest:
            if is_attr:
                obj = getattr(obj, i)
            else:
                obj = obj[i]
        return obj, first
