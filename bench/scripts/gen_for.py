# A generator consumed by `for` inside a function (locals, not globals): one
# generator switch per value.
import sys

def count(n):
    i = 0
    while i < n:
        yield i
        i += 1

def run(n):
    for _ in count(n):
        pass

run(int(sys.argv[1]))
