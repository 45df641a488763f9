# A coroutine never awaited: RuntimeWarning on stderr when it is dropped
# (once per location), and at exit for those still referenced.
import sys


async def job(n):
    return n


class K:
    async def meth(self):
        pass


def caller():
    job(1)
    print("after job", file=sys.stderr)


for i in range(3):
    caller()
K().meth()
print("still running")
c = job(2)
c.close()
kept = job(3)
print("end")
