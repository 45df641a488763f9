# Deep recursion raises RecursionError, which is catchable; the program goes on.
import sys
def f(n):
    try:
        return f(n + 1)
    except RecursionError:
        return n
print(f(1))
print(sys.getrecursionlimit())
def down(n):
    return 0 if n == 0 else 1 + down(n - 1)
sys.setrecursionlimit(5000)
print(down(4000))
def forever():
    forever()
try:
    forever()
except RecursionError as e:
    print("caught:", e)
