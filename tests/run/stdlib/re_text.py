# re: non-ASCII subjects and names (indices are code points), surrogates,
# str subclasses, NULs, long subjects with deep backtracking, generic aliases.
import re
print(re.findall('.', 'a\ud800b'), re.findall('\ud800', 'x\ud800'), re.findall('[\ud800-\udfff]', '\udc00a'))
print(re.match('(?i)ſ', 's'), re.match('(?i)s', 'ſ'), re.match('(?i)ß', 'ẞ'))
class S(str): pass
s = S('abc')
m = re.search('b', s)
print(m.string is s, type(re.sub('x', 'y', s)).__name__, re.sub('b', 'y', s))
print(re.findall('\x00', 'a\x00b'), re.findall(b'\x00+', b'a\x00\x00b'))
big = 'ab' * 200000
print(len(re.findall('(a|b)*', big)), len(re.findall(r'(?:a|b)*c', big + 'c')))
print(re.match('(a|b)*c', 'ab' * 100000 + 'c').end())
print(re.match('(?:(a)|b)*', 'ab'*50000).lastindex)
print(re.sub(r'(\w+)', r'<\1>', 'é€ 𝄞x'), re.split('€', '1€2€3'))
m = re.search('(?P<x>€+)(?P<y>a)?', 'zz€€a')
print(m.span('x'), m.span('y'), m.groupdict(), m.start(0))
print(re.compile(r'(?P<名>x)').groupindex, re.match(r'(?P<名>x)(?P=名)', 'xx'))
print(re.sub('(?P<名>x)', r'\g<名>!', 'x'))
print(re.Pattern[str], re.Match[bytes])
def f(p: re.Pattern[str]) -> "re.Match[str] | None":
    return p.match("a")
print(f(re.compile("a")))
print(re.findall(r"\w+", "日本語 テキスト ok"), re.search("語", "日本語").span())
print([m.span() for m in re.finditer("(?<=é)x", "éxéx")], re.sub("(?<=é)", "|", "aéb"))
