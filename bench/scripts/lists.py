# List work: append, index, slicing, sort, comprehension, len, pop.
import sys

def run(n):
    total = 0
    for _ in range(n):
        xs = []
        for i in range(64):
            xs.append((i * 37) % 64)
        ys = [x * 2 for x in xs if x & 1]
        xs.sort()
        total += xs[10] + ys[-1] + len(xs[5:40])
        while xs:
            total += xs.pop()
    return total

run(int(sys.argv[1]))
