# Dict work: str-keyed insert, lookup, update, membership, int keys, iteration.
import sys

KEYS = ["k%d" % i for i in range(64)]

def run(n):
    total = 0
    for _ in range(n):
        d = {}
        for k in KEYS:
            d[k] = 1
        for k in KEYS:
            total += d[k]
            d[k] += 1
        if "k5" in d and "zz" not in d:
            total += 1
        e = {i: i for i in range(32)}
        for k, v in e.items():
            total += v
        total += len(d.get("k3", 0) and d)
    return total

run(int(sys.argv[1]))
