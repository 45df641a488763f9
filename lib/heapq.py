"""heapq: binary min-heaps on lists (CPython 3.11's module, the same
comparisons in the same order, so ties come out as in CPython)."""

__all__ = ['heappush', 'heappop', 'heapify', 'heapreplace', 'merge',
           'nlargest', 'nsmallest', 'heappushpop']


def heappush(heap, item):
    """Push item onto heap, maintaining the heap invariant."""
    heap.append(item)
    _siftdown(heap, 0, len(heap) - 1)


def heappop(heap):
    """Pop the smallest item off the heap, maintaining the heap invariant."""
    last = heap.pop()   # IndexError on an empty heap, as CPython
    if heap:
        smallest = heap[0]
        heap[0] = last
        _siftup(heap, 0)
        return smallest
    return last


def heapreplace(heap, item):
    """Pop and return the smallest item, then push item (in one step)."""
    smallest = heap[0]
    heap[0] = item
    _siftup(heap, 0)
    return smallest


def heappushpop(heap, item):
    """Push item, then pop and return the smallest item (in one step)."""
    if heap and heap[0] < item:
        item, heap[0] = heap[0], item
        _siftup(heap, 0)
    return item


def heapify(x):
    """Transform list into a heap, in-place, in O(len(x)) time."""
    for i in reversed(range(len(x) // 2)):
        _siftup(x, i)


def _siftdown(heap, startpos, pos):
    # Move heap[pos] up towards startpos while it is smaller than its parent.
    newitem = heap[pos]
    while pos > startpos:
        parentpos = (pos - 1) >> 1
        parent = heap[parentpos]
        if newitem < parent:
            heap[pos] = parent
            pos = parentpos
            continue
        break
    heap[pos] = newitem


def _siftup(heap, pos):
    # Move the smaller child up until a leaf is reached, then sift the item
    # down from there (fewer comparisons than stopping early; CPython's order).
    endpos = len(heap)
    startpos = pos
    newitem = heap[pos]
    childpos = 2 * pos + 1
    while childpos < endpos:
        rightpos = childpos + 1
        if rightpos < endpos and not heap[childpos] < heap[rightpos]:
            childpos = rightpos
        heap[pos] = heap[childpos]
        pos = childpos
        childpos = 2 * pos + 1
    heap[pos] = newitem
    _siftdown(heap, startpos, pos)


def merge(*iterables, key=None, reverse=False):
    """Merge sorted inputs into one sorted output (a generator)."""
    entries = []
    for order, it in enumerate(map(iter, iterables)):
        for value in it:
            k = value if key is None else key(value)
            entries.append((k, order, value, it))
            break
    while entries:
        if reverse:
            best = max(range(len(entries)), key=lambda i: (entries[i][0], -entries[i][1]))
        else:
            best = min(range(len(entries)), key=lambda i: (entries[i][0], entries[i][1]))
        k, order, value, it = entries[best]
        yield value
        for value in it:
            entries[best] = (value if key is None else key(value), order, value, it)
            break
        else:
            del entries[best]


def nsmallest(n, iterable, key=None):
    """The n smallest elements of iterable, smallest first (stable)."""
    return sorted(iterable, key=key)[:n]


def nlargest(n, iterable, key=None):
    """The n largest elements of iterable, largest first (stable)."""
    return sorted(iterable, key=key, reverse=True)[:n]
