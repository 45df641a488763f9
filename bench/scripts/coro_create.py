# Creating and finishing small coroutines by hand: call, send(None), StopIteration.
import sys

async def small(x):
    return x + 1

def run(n):
    total = 0
    for i in range(n):
        c = small(i)
        try:
            c.send(None)
        except StopIteration as e:
            total += e.value
    return total

run(int(sys.argv[1]))
