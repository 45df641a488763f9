# re: split, findall, finditer and the scanner: groups, maxsplit, empty
# and zero-width matches (3.7+ rules), pos/endpos, bytes.
import re

print(re.split(r'\W+', 'Words, words, words.'))
print(re.split(r'(\W+)', 'Words, words, words.'))
print(re.split(r'\W+', 'Words, words, words.', 1), re.split(r'\W+', 'a b c', maxsplit=-1))
print(re.split('[a-f]+', '0a3B9', flags=re.I))
print(re.split(r'(\W+)?(x)?', 'a, b'))
print(re.split(r'x*', 'axbc'), re.split(r'\b', 'ab cd'), re.split('', 'abc'))
print(re.split(r'(?=b)', 'abab'), re.split(r'^', 'a\nb', flags=re.M), re.split(r'$', 'a\nb', flags=re.M))
print(re.split('(a)|(b)', 'xaybz'), re.split(',', ''), re.split('x*', ''))
print(re.split(r'\s', 'é a\u2003b'), re.split(b'-', b'a-b--c'))
print(re.compile(',').split('a,b,c', 1), re.compile(',').split(string='a,b', maxsplit=0))

print(re.findall(r'\w+', 'a bb ccc'), re.findall(r'(\w)(\w)?', 'abc'))
print(re.findall(r'(\w+)=(\d+)', 'a=1, b=22, c=x'), re.findall(r'(a)|b', 'ab'))
print(re.findall('', 'ab'), re.findall('a*', 'baaac'), re.findall(r'\b', 'a b'))
print(re.findall(r'(?:a|(b))+', 'abab'), re.findall('(x)*', 'axx'))
print(re.findall(r'\d', 'x٣4'), re.findall(r'\d', 'x٣4', re.A), re.findall('[^a]', 'aéb'))
p = re.compile(r'\w')
print(p.findall('abcdef', 2, 4), p.findall('abc', 5), p.findall('abc', 2, 1), p.findall('abc', -3))
print(re.findall(rb'(\d)(\w)', b'1a2b'), re.findall(b'.', b'\xff\x00'))

for m in re.finditer(r'(\w)(\d)?', 'a1 b c3'):
    print(m.span(), m.groups(), end='; ')
print()
print([m.span() for m in re.finditer('x*', 'axxb')])
print([m.group() for m in re.compile('.').finditer('abcdef', 1, 4)])
it = re.finditer('a', 'aa')
print(iter(it) is it, next(it).span(), next(it).span(), next(it, 'done'), next(it, 'done'))
print([m.span() for m in re.finditer(r'é', 'éaé')], [m.start() for m in re.finditer('', 'é€')])

sc = re.compile(r'\d+|\s+').scanner('12 34x')
print(sc.match(), sc.match(), sc.match(), sc.match(), sc.match())
sc = re.compile(r'\d').scanner('a1b2')
print(sc.search(), sc.search(), sc.search(), sc.pattern)

def err(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
err(lambda: re.findall('a', 3))
err(lambda: re.split('a', b'a'))
err(lambda: re.split('a', 'a', 'x'))
err(lambda: list(re.finditer(b'a', 'a')))
err(lambda: re.findall('a', 'a', 0, 1))
