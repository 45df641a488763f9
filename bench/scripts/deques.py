# Deque work: the hot path of asyncio's queues and locks, append and popleft
# at the two ends of a short queue, with len and truth tests.
import sys
from collections import deque

def run(n):
    d = deque()
    total = 0
    for i in range(n):
        d.append(i)
        if len(d) > 8:
            total += d.popleft()
        if d:
            total += 1
    return total

run(int(sys.argv[1]))
