# difflib's diff formats: ndiff/Differ (with "?" hint lines), unified and
# context diffs (headers, dates, n, lineterm), restore, diff_bytes, and
# the type errors.
import difflib
import sys

a = 'one\ntwo\nthree\nfour\nfive\nsix\nseven\n'.splitlines(keepends=True)
b = 'zero\none\ntree\nfour\nfive\nsix\nsevenx\neight\n'.splitlines(keepends=True)

sys.stdout.writelines(difflib.ndiff(a, b))
print('--')
sys.stdout.writelines(difflib.unified_diff(a, b, 'a.txt', 'b.txt'))
print('--')
sys.stdout.writelines(difflib.unified_diff(a, b, 'a.txt', 'b.txt', '2024-01-01', '2024-01-02', n=1))
print('--')
sys.stdout.writelines(difflib.context_diff(a, b, 'a.txt', 'b.txt'))
print('--')
sys.stdout.writelines(difflib.context_diff(a, b, n=0))
print('--')
for line in difflib.unified_diff(['x', 'y'], ['x', 'z'], lineterm=''):
    print(repr(line))
print(list(difflib.unified_diff(a, a)))
print(list(difflib.unified_diff([], ['new\n'])))
print(list(difflib.context_diff(['old\n'], [])))

# The hint lines: tabs are kept under the text, trailing blanks dropped.
d = difflib.Differ()
for x, y in [('\tabcDefghiJkl\n', '\tabcdefGhijkl\n'),
             ('private Thread currentThread;\n', 'private volatile Thread currentThread;\n'),
             ('1. Beautiful is better than ugly.\n', '1. Beautiful is better than ugly.\n'),
             ('abcdefghij\n', 'xyz\n')]:
    sys.stdout.writelines(d.compare([x], [y]))
print('--')
text1 = '''  1. Beautiful is better than ugly.
  2. Explicit is better than implicit.
  3. Simple is better than complex.
  4. Complex is better than complicated.
'''.splitlines(keepends=True)
text2 = '''  1. Beautiful is better than ugly.
  3.   Simple is better than complex.
  4. Complicated is better than complex.
  5. Flat is better than nested.
'''.splitlines(keepends=True)
result = list(d.compare(text1, text2))
sys.stdout.writelines(result)
print('--')
print(''.join(difflib.restore(result, 1)), end='')
print(''.join(difflib.restore(result, 2)), end='')
try:
    list(difflib.restore(result, 3))
except ValueError as e:
    print('ValueError:', e)

# Line junk: blank lines and lone '#' lines can be ignored.
print(difflib.IS_LINE_JUNK('\n'), difflib.IS_LINE_JUNK('  #   \n'), difflib.IS_LINE_JUNK('hello\n'),
      difflib.IS_LINE_JUNK('##\n'))
print(difflib.IS_CHARACTER_JUNK(' '), difflib.IS_CHARACTER_JUNK('\t'), difflib.IS_CHARACTER_JUNK('\n'),
      difflib.IS_CHARACTER_JUNK('x'))
sys.stdout.writelines(difflib.ndiff(['a\n', '\n', 'b\n'], ['a\n', 'c\n', '\n', 'b\n'],
                                    linejunk=difflib.IS_LINE_JUNK))
print('--')
print(list(difflib.ndiff(['abc'], ['abc'])), list(difflib.ndiff([], ['x'])))

# bytes
for line in difflib.diff_bytes(difflib.unified_diff, [b'a\n', b'\xff\n'], [b'a\n', b'b\n'],
                               b'old', b'new'):
    print(line)
try:
    list(difflib.diff_bytes(difflib.unified_diff, ['a\n'], [b'b\n']))
except TypeError as e:
    print('TypeError:', e)

# The types are checked.
for args in ([[b'a'], ['b']], [['a'], [1]], [['a'], ['b'], 5]):
    try:
        list(difflib.unified_diff(*args))
    except TypeError as e:
        print('TypeError:', e)
try:
    list(difflib.context_diff(['a'], ['b'], tofile=None))
except TypeError as e:
    print('TypeError:', e)
