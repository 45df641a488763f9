# re: bytes patterns and subjects: ASCII classes, high bytes, case
# folding, escapes valid only in str patterns, and str/bytes mixing errors.
import re

print(re.findall(rb'\w+', b'caf\xe9 au lait_9'), re.findall(rb'\W', b'a\xe9\x00'))
print(re.findall(rb'\d', b'1\xd9\xa32'), re.findall(rb'\s+', b'a \t\n\x0b\x0c\r\x1cb\x85\xa0'))
print(re.findall(rb'[\x80-\xff]+', b'ab\x80\x90\xffc'), re.findall(rb'\xe9', b'\xe9\xc9', re.I))
print(re.findall(rb'[a-z]+', b'ABC def', re.I), re.findall(rb'(?i)k', b'kK'))
print(re.match(rb'\x00.\x00', b'\x00\n\x00'), re.match(rb'\x00.\x00', b'\x00\n\x00', re.S))
print(re.search(rb'\bfoo\b', b'\xe9foo\xe9'), re.search(rb'(?L)\w', b'a'))
print(re.fullmatch(rb'(\d+)-(\d+)', b'10-20').groups(), re.compile(rb'\d').pattern)
print(re.sub(rb'\s+', b' ', b'a  b\t\tc'), re.split(rb'\x00', b'a\x00b'))
print(re.search(rb'\101\x42[\103]', b'ABC'), re.search(b'.', b''), re.search(b'', b''))
m = re.search(rb'(?P<word>\w+)', b'  hello')
print(m, m.group('word'), m.span(), m.groupdict(), m.expand(rb'<\g<word>>'))
print(re.compile(b'(?P<n>x)').groupindex, re.escape(b'\x00\n.*'))
print(re.match(b'a', b'a').string, re.match(b'', b'').group())

def err(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
for p in (rb'\u0041', rb'\U00000041', rb'\N{DASH}', rb'[\u0041]', rb'(?u)a', rb'\xg'):
    err(lambda: re.compile(p))
err(lambda: re.compile(b'a', re.U))
err(lambda: re.compile(b'a', re.A | re.L))
err(lambda: re.search(b'a', 'a'))
err(lambda: re.search('a', b'a'))
err(lambda: re.findall(b'a', ['a']))
err(lambda: re.compile(b'a').sub('x', b'a'))
err(lambda: re.compile(b'(a)').sub(b'\\2', b'a'))
err(lambda: re.compile('a').match(memoryview(b'a')) if False else re.compile('a').match(None))
