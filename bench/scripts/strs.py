# Str work: concatenation, join, split, find, replace, f-strings, upper, slicing.
import sys

WORDS = "the quick brown fox jumps over the lazy dog".split()

def run(n):
    total = 0
    for i in range(n):
        s = " ".join(WORDS)
        parts = s.split(" ")
        t = s.replace("o", "0").upper()
        u = f"{i}:{parts[2]}-{len(t)}"
        total += s.find("lazy") + len(u) + len(t[3:20]) + len(s + u)
        if t.startswith("THE"):
            total += 1
    return total

run(int(sys.argv[1]))
