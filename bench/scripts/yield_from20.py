# Values through a 20-deep `yield from` chain, consumed by `for`.
import sys

def leaf(n):
    i = 0
    while i < n:
        yield i
        i += 1

def chain(depth, n):
    if depth == 0:
        yield from leaf(n)
    else:
        yield from chain(depth - 1, n)

def run(n):
    for _ in chain(19, n):
        pass

run(int(sys.argv[1]))
