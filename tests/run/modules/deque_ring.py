# The ring buffer under long runs of mixed operations, checked step by step
# against a list doing the same: growth, wrap-around, shrinking as it drains.
from collections import deque

seed = 12345
def rand(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % n

def run(steps, maxlen=None):
    d = deque(maxlen=maxlen)
    model = []
    def trim(left):
        # what a bounded deque drops: the other end from where items came in
        if maxlen is not None and len(model) > maxlen:
            if left:
                del model[maxlen:]
            else:
                del model[:len(model) - maxlen]
    for step in range(steps):
        op = rand(14)
        v = rand(1000)
        if op < 3:
            d.append(v)
            model.append(v)
            trim(False)
        elif op < 5:
            d.appendleft(v)
            model.insert(0, v)
            trim(True)
        elif op < 7 and model:
            assert d.pop() == model.pop()
        elif op < 9 and model:
            assert d.popleft() == model.pop(0)
        elif op == 9 and model:
            i = rand(len(model))
            assert d[i] == model[i] and d[i - len(model)] == model[i]
            d[i] = v
            model[i] = v
        elif op == 10 and model and len(model) != maxlen:
            i = rand(len(model) + 1)
            d.insert(i, v)
            model.insert(i, v)
        elif op == 11 and model:
            i = rand(len(model))
            del d[i]
            del model[i]
        elif op == 12:
            k = rand(7) - 3
            d.rotate(k)
            if model:
                k %= len(model)
                model[:] = model[len(model) - k:] + model[:len(model) - k]
        elif op == 13:
            n = rand(40)
            items = [rand(1000) for _ in range(n)]
            if rand(2):
                d.extend(items)
                model.extend(items)
                trim(False)
            else:
                d.extendleft(items)
                model[:0] = items[::-1]
                trim(True)
        if list(d) != model:
            print('mismatch at step', step, 'op', op)
            return
        if step % 997 == 0:
            assert list(reversed(d)) == model[::-1]
    print(steps, 'steps ok, final length', len(d), 'sum', sum(d))
    # drain from both ends: the buffer shrinks on the way
    while model:
        assert (d.pop() == model.pop()) if rand(2) else (d.popleft() == model.pop(0))
        if len(model) % 1000 == 0:
            assert list(d) == model
    print('drained', len(d), d)

run(8000)
run(5000, maxlen=50)

# a queue that bursts and drains, many times
q = deque()
total = 0
for burst in range(20):
    for i in range(burst * 500):
        q.append(i)
    while q:
        total += q.popleft()
print(total, len(q))
# wrapped around, then grown
q = deque(range(6))
for i in range(6):
    q.append(q.popleft() + 100)
q.extend(range(20))
print(q)
q = deque(range(6))
for i in range(3):
    q.appendleft(q.pop() + 100)
q.extendleft(range(20))
print(q)
big = deque(range(100000))
big.rotate(33333)
print(big[0], big[-1], big[50000], len(big))
big.rotate(-66667)
print(big[0], big[-1])
for i in range(99990):
    big.pop()
print(big)
print(deque(range(3)) * 4000 == deque(list(range(3)) * 4000))
