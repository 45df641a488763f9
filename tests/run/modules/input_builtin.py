import sys, os
name = 'tmp_input_builtin.txt'
with open(name, 'w') as f:
    f.write('first\nsecond line\nno newline')
saved = sys.stdin
sys.stdin = open(name)
print(repr(input()), repr(input('prompt> ')))
print(repr(input()))
try:
    input('more? ')
except EOFError as e:
    print()
    print('EOFError', e)
sys.stdin.close()
try:
    input()
except ValueError as e:
    print('ValueError', e)
sys.stdin = None
try:
    input()
except RuntimeError as e:
    print('RuntimeError', e)
sys.stdin = saved
os.remove(name)
try:
    input(1, 2)
except TypeError as e:
    print(e)
