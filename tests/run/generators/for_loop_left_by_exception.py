# A for loop left by an exception drops its generator when the stack is
# unwound, before the handler runs: a finally or with block pending in the
# generator runs at that point (CPython pops the value stack first).
import asyncio


class CM:
    def __init__(self, tag):
        self.tag = tag

    def __enter__(self):
        return self

    def __exit__(self, t, v, tb):
        print('exit', self.tag, t.__name__ if t else None)


def gen(tag, n=3):
    try:
        for i in range(n):
            yield i
    finally:
        print('finally', tag)


def gen_with(tag):
    with CM(tag):
        yield 1
        yield 2


def same_frame():
    try:
        for v in gen('same'):
            if v == 1:
                raise ValueError(v)
    except ValueError as e:
        print('caught', e.args)


def leaves_frame():
    for v in gen('leaves'):
        if v == 0:
            raise KeyError('k')


def nested():
    try:
        for a in gen('outer'):
            for b in gen_with('inner-%d' % a):
                if a == 1:
                    1 // 0
    except ZeroDivisionError as e:
        print('caught', type(e).__name__)


def chain():
    def middle():
        try:
            yield from gen('deep')
        finally:
            print('finally middle')
    try:
        for v in middle():
            raise RuntimeError('in body')
    except RuntimeError as e:
        print('caught', e)


def delegate_only():
    # Only the generator it delegates to has cleanup: closing the outer
    # one closes it.
    def outer():
        yield from gen('delegate')
    try:
        for v in outer():
            raise ValueError('through')
    except ValueError as e:
        print('caught', e.args)


def break_delegate_only():
    def outer():
        r = yield from gen('break')
        return r
    for v in outer():
        break
    print('after break')


def finished_generator():
    # Exhausted or never started: nothing is pending, nothing runs.
    try:
        for v in gen('done', 0):
            pass
        for v in gen('fresh', 2):
            raise E1()
    except Exception as e:
        print('caught', type(e).__name__)


class E1(Exception):
    pass


same_frame()
try:
    leaves_frame()
except KeyError as e:
    print('caught', e.args)
nested()
chain()
delegate_only()
break_delegate_only()
finished_generator()


async def agen(tag):
    try:
        yield 1
        yield 2
    finally:
        print('agen finally', tag)


async def main():
    try:
        async for v in agen('a'):
            raise E1('x')
    except E1 as e:
        print('caught', e.args)
    await asyncio.sleep(0)
    print('main end')

asyncio.run(main())
