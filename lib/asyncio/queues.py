"""Queues for tasks: Queue (FIFO), PriorityQueue and LifoQueue."""

__all__ = ('Queue', 'PriorityQueue', 'LifoQueue', 'QueueFull', 'QueueEmpty')

import collections
import heapq

from asyncio import locks
from asyncio import mixins


class QueueEmpty(Exception):
    """Raised when Queue.get_nowait() is called on an empty Queue."""
    pass


class QueueFull(Exception):
    """Raised when the Queue.put_nowait() method is called on a full Queue."""
    pass


class Queue(mixins._LoopBoundMixin):
    """A queue for tasks. maxsize <= 0 means no limit; otherwise put()
    waits while the queue holds maxsize items. Getters and putters are
    served in the order they started waiting."""

    # put() and get() run the hooks below (full, empty, _put, _get, ...)
    # inline when a class does not override any of them: the same steps,
    # without five method calls per item. Subclasses that override one
    # (PriorityQueue, LifoQueue) take the general path, calling each hook.
    _HOOKS = ('qsize', 'empty', 'full', 'put_nowait', 'get_nowait', '_put', '_get',
              '_wakeup_next', '_init')
    _inline_hooks = True

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls._inline_hooks = all(getattr(cls, name) is getattr(Queue, name) for name in Queue._HOOKS)

    def __init__(self, maxsize=0):
        self._maxsize = maxsize
        self._getters = collections.deque()   # futures of waiting get()s
        self._putters = collections.deque()   # futures of waiting put()s
        self._unfinished_tasks = 0
        self._finished = locks.Event()
        self._finished.set()
        self._init(maxsize)

    # The storage, which subclasses replace (PriorityQueue, LifoQueue).

    def _init(self, maxsize):
        self._queue = collections.deque()

    def _get(self):
        return self._queue.popleft()

    def _put(self, item):
        self._queue.append(item)

    def _wakeup_next(self, waiters):
        # Wake the first waiter still waiting.
        while waiters:
            waiter = waiters.popleft()
            if not waiter.done():
                waiter.set_result(None)
                break

    def __repr__(self):
        return f'<{type(self).__name__} at {id(self):#x} {self._format()}>'

    def __str__(self):
        return f'<{type(self).__name__} {self._format()}>'

    @classmethod
    def __class_getitem__(cls, item):
        return cls   # aiopy has no types.GenericAlias yet

    def _format(self):
        result = f'maxsize={self._maxsize!r}'
        if getattr(self, '_queue', None):
            result += f' _queue={list(self._queue)!r}'
        if self._getters:
            result += f' _getters[{len(self._getters)}]'
        if self._putters:
            result += f' _putters[{len(self._putters)}]'
        if self._unfinished_tasks:
            result += f' tasks={self._unfinished_tasks}'
        return result

    def qsize(self):
        """Number of items in the queue."""
        return len(self._queue)

    @property
    def maxsize(self):
        """Number of items allowed in the queue."""
        return self._maxsize

    def empty(self):
        """Return True if the queue is empty, False otherwise."""
        return not self._queue

    def full(self):
        """Return True if there are maxsize items in the queue."""
        if self._maxsize <= 0:
            return False
        return self.qsize() >= self._maxsize

    async def put(self, item):
        """Put an item into the queue, waiting while it is full."""
        if self._inline_hooks:
            queue = self._queue
            maxsize = self._maxsize
            if maxsize <= 0 or len(queue) < maxsize:
                # put_nowait(), inline.
                queue.append(item)
                self._unfinished_tasks += 1
                self._finished._value = False
                getters = self._getters
                while getters:
                    waiter = getters.popleft()
                    if not waiter.done():
                        waiter.set_result(None)
                        break
                return None
        while self.full():
            putter = self._get_loop().create_future()
            self._putters.append(putter)
            try:
                await putter
            except:
                putter.cancel()  # in case it was not woken yet
                try:
                    self._putters.remove(putter)
                except ValueError:
                    pass  # already taken off the line by _wakeup_next
                if not self.full() and not putter.cancelled():
                    # It was woken, then cancelled: wake the next one.
                    self._wakeup_next(self._putters)
                raise
        return self.put_nowait(item)

    def put_nowait(self, item):
        """Put an item into the queue without waiting; QueueFull when full."""
        if self.full():
            raise QueueFull
        self._put(item)
        self._unfinished_tasks += 1
        self._finished.clear()
        self._wakeup_next(self._getters)

    async def get(self):
        """Remove and return an item, waiting while the queue is empty."""
        if self._inline_hooks:
            queue = self._queue
            if queue:
                # get_nowait(), inline.
                item = queue.popleft()
                putters = self._putters
                while putters:
                    waiter = putters.popleft()
                    if not waiter.done():
                        waiter.set_result(None)
                        break
                return item
        while self.empty():
            getter = self._get_loop().create_future()
            self._getters.append(getter)
            try:
                await getter
            except:
                getter.cancel()  # in case it was not woken yet
                try:
                    self._getters.remove(getter)
                except ValueError:
                    pass  # already taken off the line by _wakeup_next
                if not self.empty() and not getter.cancelled():
                    # It was woken, then cancelled: wake the next one.
                    self._wakeup_next(self._getters)
                raise
        return self.get_nowait()

    def get_nowait(self):
        """Remove and return an item at once; QueueEmpty when empty."""
        if self.empty():
            raise QueueEmpty
        item = self._get()
        self._wakeup_next(self._putters)
        return item

    def task_done(self):
        """Mark one item taken from the queue as processed (for join())."""
        if self._unfinished_tasks <= 0:
            raise ValueError('task_done() called too many times')
        self._unfinished_tasks -= 1
        if self._unfinished_tasks == 0:
            self._finished.set()

    async def join(self):
        """Wait until every item put was marked done with task_done()."""
        if self._unfinished_tasks > 0:
            await self._finished.wait()


class PriorityQueue(Queue):
    """A Queue that returns its smallest item first (a heap)."""

    def _init(self, maxsize):
        self._queue = []

    def _put(self, item, heappush=heapq.heappush):
        heappush(self._queue, item)

    def _get(self, heappop=heapq.heappop):
        return heappop(self._queue)


class LifoQueue(Queue):
    """A Queue that returns its most recent item first."""

    def _init(self, maxsize):
        self._queue = []

    def _put(self, item):
        self._queue.append(item)

    def _get(self):
        return self._queue.pop()
