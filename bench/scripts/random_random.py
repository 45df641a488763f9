# random.random() called N times (through the module attribute).
import random
import sys

def run(n):
    for _ in range(n):
        random.random()

run(int(sys.argv[1]))
