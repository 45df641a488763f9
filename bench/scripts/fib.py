# Recursive calls: fib(n) makes about 1.6**n Python-to-Python calls.
import sys

def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

n = int(sys.argv[1])
if n:
    fib(n)
