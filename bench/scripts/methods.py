# Method calls on a user class instance (LOAD_METHOD/CALL paths), 4 calls per turn.
import sys

class Counter:
    def __init__(self):
        self.n = 0

    def add(self, k):
        self.n = self.n + k
        return self

    def get(self):
        return self.n

def run(n):
    c = Counter()
    for _ in range(n):
        c.add(1)
        c.add(2)
        c.get()
        c.get()
    return c.get()

run(int(sys.argv[1]))
