# send() into a generator: one switch in and out per send.
import sys

def echo():
    x = yield
    while True:
        x = yield x

def run(n):
    g = echo()
    next(g)
    send = g.send
    for i in range(n):
        send(i)

run(int(sys.argv[1]))
