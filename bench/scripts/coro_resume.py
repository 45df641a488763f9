# send() into a chain of DEPTH coroutines awaiting each other, driven by hand;
# the bottom one awaits an object whose __await__ yields forever.
# Usage: coro_resume.py N DEPTH   (N sends)
import sys

sys.setrecursionlimit(10000)

class Forever:
    def __await__(self):
        while True:
            yield

async def level(depth):
    if depth == 1:
        await Forever()
    else:
        await level(depth - 1)

def run(n, depth):
    c = level(depth)
    c.send(None)
    send = c.send
    for _ in range(n):
        send(None)
    c.close()

run(int(sys.argv[1]), int(sys.argv[2]))
