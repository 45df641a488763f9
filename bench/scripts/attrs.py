# Attribute access: instance reads and writes, class attribute reads, 6 per turn.
import sys

class Point:
    scale = 2

    def __init__(self, x, y):
        self.x = x
        self.y = y

def run(n):
    p = Point(1, 2)
    s = 0
    for _ in range(n):
        s = p.x + p.y + p.scale
        p.x = p.y
        p.y = s & 1023
        p.scale
    return s

run(int(sys.argv[1]))
