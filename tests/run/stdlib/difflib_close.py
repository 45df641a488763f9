# difflib.get_close_matches (best first, n, cutoff, its errors), and the
# ratios it rests on for words and lines.
import difflib

words = ['ape', 'apple', 'peach', 'puppy', 'apply', 'applet', 'maple']
print(difflib.get_close_matches('appel', words))
print(difflib.get_close_matches('appel', words, n=5))
print(difflib.get_close_matches('appel', words, n=5, cutoff=0.8))
print(difflib.get_close_matches('wheel', ['while', 'wheat', 'heel', 'whelk', 'wheels']))
print(difflib.get_close_matches('xyz', words))
print(difflib.get_close_matches('', ['', 'a']))
print(difflib.get_close_matches('pineapple', ['apple', 'pine', 'pineapples', 'pinapple'], 2))
# Equal scores: the later string wins (compared as tuples).
print(difflib.get_close_matches('ab', ['ac', 'ad', 'ae', 'ba'], n=3, cutoff=0.4))
import keyword
print(difflib.get_close_matches('wheel', keyword.kwlist))
print(difflib.get_close_matches('accept', keyword.kwlist))
for bad in ({'n': 0}, {'n': -1}, {'cutoff': 1.5}, {'cutoff': -0.1}):
    try:
        difflib.get_close_matches('x', ['x'], **bad)
    except ValueError as e:
        print('ValueError:', e)

for a, b in [('hello', 'hallo'), ('kitten', 'sitting'), ('abc', 'abc'), ('abc', 'xyz'),
             ('The quick brown fox', 'The quick brown dog'), ('aab', 'abb')]:
    s = difflib.SequenceMatcher(None, a, b)
    print(a, b, round(s.ratio(), 6), round(s.quick_ratio(), 6), round(s.real_quick_ratio(), 6))

# Long sequences go through the "popular element" heuristic.
text_a = ('the cat sat on the mat ' * 50).split()
text_b = ('the cat sat on a mat ' * 50).split()
s = difflib.SequenceMatcher(None, text_a, text_b)
print(len(text_a), round(s.ratio(), 6), len(s.get_opcodes()), sorted(s.bpopular))
s = difflib.SequenceMatcher(None, text_a, text_b, autojunk=False)
print(round(s.ratio(), 6), len(s.get_opcodes()), s.get_opcodes()[:3])
