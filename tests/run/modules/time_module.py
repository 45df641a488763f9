import time
t1 = time.time()
m1 = time.monotonic()
p1 = time.perf_counter()
n1 = time.monotonic_ns()
time.sleep(0.01)
time.sleep(0)
print(time.time() >= t1, time.monotonic() - m1 >= 0.01, time.perf_counter() > p1)
print(type(time.time_ns()).__name__, type(time.perf_counter_ns()).__name__, time.monotonic_ns() > n1)
print(type(t1).__name__, time.time_ns() // 10**9 >= int(t1) - 1)
for bad in (-1, "x"):
    try:
        time.sleep(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
import time as t2
print(t2 is time, time.__name__)
