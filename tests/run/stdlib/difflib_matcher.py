# difflib.SequenceMatcher: matching blocks, opcodes, grouped opcodes,
# the three ratios, junk and the autojunk heuristic.
import difflib

def show(a, b, isjunk=None, autojunk=True):
    s = difflib.SequenceMatcher(isjunk, a, b, autojunk)
    print(repr(a)[:40], repr(b)[:40])
    print('  blocks', s.get_matching_blocks())
    print('  opcodes', s.get_opcodes())
    print('  ratios %.6f %.6f %.6f' % (s.ratio(), s.quick_ratio(), s.real_quick_ratio()))

show('abcd', 'bcde')
show('qabxcd', 'abycdf')
show('', '')
show('abc', '')
show('', 'abc')
show('private Thread currentThread;', 'private volatile Thread currentThread;',
     lambda c: c == ' ')
show(' abcd', 'abcd abcd')
show(' abcd', 'abcd abcd', lambda x: x == ' ')
show([1, 2, 3, 4, 5], [5, 4, 3, 2, 1])
show(('a', 'b', 'c'), ('a', 'x', 'c'))
show('aaaa', 'aa')

# A b of 200 or more items: elements making up more than 1% of it are
# "popular" and ignored as starting points unless autojunk is off.
a = 'x' * 10 + 'abc' + 'y' * 300
b = 'abc' + 'y' * 300 + 'x' * 10
for auto in (True, False):
    s = difflib.SequenceMatcher(None, a, b, autojunk=auto)
    print(auto, s.get_matching_blocks(), sorted(s.bpopular), round(s.ratio(), 6))

s = difflib.SequenceMatcher(None, 'abxcd', 'abcd')
print(s.find_longest_match(), s.find_longest_match(0, 5, 0, 4))
print(s.find_longest_match(2, 5, 0, 4), s.find_longest_match(alo=3))
m = s.get_matching_blocks()[0]
print(m.a, m.b, m.size, m, type(m).__name__)
for tag, i1, i2, j1, j2 in s.get_opcodes():
    print('%7s a[%d:%d] (%s) b[%d:%d] (%s)' % (tag, i1, i2, 'abxcd'[i1:i2], j1, j2, 'abcd'[j1:j2]))

# set_seq1/set_seq2 reuse the indexed b.
s = difflib.SequenceMatcher()
s.set_seq2('abcd')
for x in ('abcd', 'abce', 'dcba', 'xyz'):
    s.set_seq1(x)
    print(x, round(s.ratio(), 4))
s.set_seqs('hello', 'help')
print(s.a, s.b, round(s.ratio(), 4))

# Grouped opcodes: the hunks of a diff, with n lines of context.
a = list(map(str, range(1, 40)))
b = a[:]
b[8:8] = ['i']
b[20] += 'x'
b[23:28] = []
b[30] += 'y'
s = difflib.SequenceMatcher(None, a, b)
for n in (3, 1, 0):
    print(n, list(s.get_grouped_opcodes(n)))
print(list(difflib.SequenceMatcher(None, [], []).get_grouped_opcodes()))
print(list(difflib.SequenceMatcher(None, ['a'], ['a']).get_grouped_opcodes()))
print(difflib.SequenceMatcher[str])
