# fnmatch: Unix shell-style wildcards (* ? [seq] [!seq]) with CPython
# 3.11's behaviour: fnmatch, fnmatchcase, filter and translate (which gives
# CPython's regular expression text).
#
# CPython matches by compiling translate()'s regular expression. aiopy
# matches without one: the pattern is cut into the same pieces translate
# makes (a character set goes through translate's own rewriting, then is
# read the way the regular expression engine reads it), and a wildcard
# matcher runs on them. Bytes patterns work on their latin-1 text, as
# CPython's do.

import os

__all__ = ["filter", "fnmatch", "fnmatchcase", "translate"]

# The characters re.escape puts a backslash before.
_RE_SPECIAL = frozenset('()[]{}?*+-|^$\\.&~# \t\n\r\v\f')


def _re_escape(c):
    return '\\' + c if c in _RE_SPECIAL else c


def _set_text(pat, i, j):
    """The body of the regular expression set for pat[i:j] (the text between
    '[' and ']'), as translate writes it."""
    stuff = pat[i:j]
    if '-' not in stuff:
        stuff = stuff.replace('\\', r'\\')
    else:
        chunks = []
        # A hyphen first (after '!') is a literal, not a range.
        k = i + 2 if pat[i] == '!' else i + 1
        while True:
            k = pat.find('-', k, j)
            if k < 0:
                break
            chunks.append(pat[i:k])
            i = k + 1
            k = k + 3
        chunk = pat[i:j]
        if chunk:
            chunks.append(chunk)
        else:
            chunks[-1] += '-'
        # Drop empty ranges (z-a), which a regular expression refuses.
        for k in range(len(chunks) - 1, 0, -1):
            if chunks[k - 1][-1] > chunks[k][0]:
                chunks[k - 1] = chunks[k - 1][:-1] + chunks[k][1:]
                del chunks[k]
        # Hyphens inside chunks are literal; those between them make ranges.
        stuff = '-'.join(s.replace('\\', r'\\').replace('-', r'\-') for s in chunks)
    # Set operations (&&, ~~, ||) are escaped.
    out = []
    for c in stuff:
        if c in '&~|':
            out.append('\\')
        out.append(c)
    return ''.join(out)


def _set_regex(stuff):
    # The regular expression for a set body, or None for "matches nothing".
    if not stuff:
        return '(?!)'
    if stuff == '!':
        return '.'
    if stuff[0] == '!':
        stuff = '^' + stuff[1:]
    elif stuff[0] in ('^', '['):
        stuff = '\\' + stuff
    return f'[{stuff}]'


class _CharSet:
    """A regular expression character set read from translate's text:
    single characters and ranges, maybe negated."""

    def __init__(self, regex):
        # regex is '[...]' (from _set_regex, never '.' or '(?!)').
        body = regex[1:-1]
        self.negated = body.startswith('^')
        if self.negated:
            body = body[1:]
        items = []
        i, n = 0, len(body)
        while i < n:
            if body[i] == '\\':
                lo = body[i + 1]
                i += 2
            else:
                lo = body[i]
                i += 1
            if i + 1 < n and body[i] == '-':
                if body[i + 1] == '\\':
                    hi = body[i + 2]
                    i += 3
                else:
                    hi = body[i + 1]
                    i += 2
                items.append((lo, hi))
            else:
                items.append((lo, lo))
        self.items = items

    def __contains__(self, c):
        found = False
        for lo, hi in self.items:
            if lo <= c <= hi:
                found = True
                break
        return found != self.negated


_STAR = object()
_ANY = object()
_NONE = object()


def _parse(pat):
    """The pattern as (pieces, regex pieces): each piece is _STAR, _ANY,
    _NONE (an empty set), a _CharSet or a literal character."""
    pieces = []
    res = []
    i, n = 0, len(pat)
    while i < n:
        c = pat[i]
        i += 1
        if c == '*':
            if not pieces or pieces[-1] is not _STAR:
                pieces.append(_STAR)
                res.append(_STAR)
        elif c == '?':
            pieces.append(_ANY)
            res.append('.')
        elif c == '[':
            j = i
            if j < n and pat[j] == '!':
                j += 1
            if j < n and pat[j] == ']':
                j += 1
            while j < n and pat[j] != ']':
                j += 1
            if j >= n:
                pieces.append('[')
                res.append('\\[')
            else:
                regex = _set_regex(_set_text(pat, i, j))
                i = j + 1
                res.append(regex)
                if regex == '(?!)':
                    pieces.append(_NONE)
                elif regex == '.':
                    pieces.append(_ANY)
                else:
                    pieces.append(_CharSet(regex))
        else:
            pieces.append(c)
            res.append(_re_escape(c))
    return pieces, res


def translate(pat):
    """Translate a shell PATTERN to a regular expression.

    There is no way to quote meta-characters.
    """
    inp = _parse(pat)[1]
    res = []
    i, n = 0, len(inp)
    while i < n and inp[i] is not _STAR:
        res.append(inp[i])
        i += 1
    # `* fixed` pairs in the middle match lazily and never backtrack: an
    # atomic group; a last `*` (with what follows) is greedy.
    while i < n:
        i += 1
        if i == n:
            res.append(".*")
            break
        fixed = []
        while i < n and inp[i] is not _STAR:
            fixed.append(inp[i])
            i += 1
        fixed = "".join(fixed)
        if i == n:
            res.append(".*")
            res.append(fixed)
        else:
            res.append(f"(?>.*?{fixed})")
    return fr'(?s:{"".join(res)})\Z'


def _piece_matches(piece, c):
    if piece is _ANY:
        return True
    if piece is _NONE:
        return False
    if isinstance(piece, _CharSet):
        return c in piece
    return piece == c


def _match(pieces, name):
    # Wildcard matching with backtracking to the last star: for patterns
    # whose pieces between stars have a fixed length, the first place each
    # piece fits is as good as any, which is also what translate's atomic
    # groups do.
    p = s = 0
    np, ns = len(pieces), len(name)
    star_p = -1
    star_s = 0
    while s < ns:
        if p < np and pieces[p] is _STAR:
            star_p = p
            star_s = s
            p += 1
        elif p < np and _piece_matches(pieces[p], name[s]):
            p += 1
            s += 1
        elif star_p >= 0:
            star_s += 1
            s = star_s
            p = star_p + 1
        else:
            return False
    while p < np and pieces[p] is _STAR:
        p += 1
    return p == np


_cache = {}


def _compile(pat):
    key = (type(pat), pat)
    pieces = _cache.get(key)
    if pieces is None:
        text = ''.join(map(chr, pat)) if isinstance(pat, bytes) else pat
        pieces = _parse(text)[0]
        if len(_cache) >= 32768:
            _cache.clear()
        _cache[key] = pieces
    return pieces


def _check_name(name, pat):
    if isinstance(pat, str) and not isinstance(name, str):
        if isinstance(name, bytes):
            raise TypeError("cannot use a string pattern on a bytes-like object")
        raise TypeError(f"expected string or bytes-like object, got '{type(name).__name__}'")
    if isinstance(pat, bytes) and not isinstance(name, bytes):
        if isinstance(name, str):
            raise TypeError("cannot use a bytes pattern on a string-like object")
        raise TypeError(f"expected string or bytes-like object, got '{type(name).__name__}'")


def _normcase(s):
    # posixpath.normcase: the path itself, after os.fspath's type check.
    if not isinstance(s, (str, bytes)):
        fspath = getattr(type(s), '__fspath__', None)
        if fspath is None:
            raise TypeError(f"expected str, bytes or os.PathLike object, not {type(s).__name__}")
        s = fspath(s)
    return s


def fnmatchcase(name, pat):
    """Test whether FILENAME matches PATTERN, including case."""
    if not isinstance(pat, (str, bytes)):
        raise TypeError(f"first argument must be string or compiled pattern")
    pieces = _compile(pat)
    _check_name(name, pat)
    text = ''.join(map(chr, name)) if isinstance(name, bytes) else name
    return _match(pieces, text)


def fnmatch(name, pat):
    """Test whether FILENAME matches PATTERN (case-normalized where the
    system wants it: not on POSIX)."""
    return fnmatchcase(_normcase(name), _normcase(pat))


def filter(names, pat):
    """Construct a list from those elements of the iterable NAMES that match PAT."""
    pat = _normcase(pat)
    return [name for name in names if fnmatchcase(name, pat)]
