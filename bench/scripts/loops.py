# Integer loops: while and for-range with small-int arithmetic and compares.
import sys

def run(n):
    total = 0
    i = 0
    while i < n:
        total = total + (i & 7) * 3 - 1
        i += 1
    for j in range(n):
        if j % 3 == 0:
            total -= j
    return total

run(int(sys.argv[1]))
