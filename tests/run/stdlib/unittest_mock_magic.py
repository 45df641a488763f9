# MagicMock's magic methods and their defaults, AsyncMock (awaiting,
# await records, assert_awaited_*), and mocks inside an async test.
import asyncio
import inspect
from unittest.mock import MagicMock, AsyncMock, Mock, NonCallableMagicMock, call


def r(obj):
    parts = repr(obj).split(" id='")
    for i in range(1, len(parts)):
        parts[i] = 'ID' + parts[i][parts[i].index("'"):]
    return " id='".join(parts)


def check(f, *args, **kwargs):
    try:
        f(*args, **kwargs)
    except AssertionError as e:
        print('AssertionError:', e)
    except Exception as e:
        print(type(e).__name__ + ':', e)
    else:
        print('passed')


m = MagicMock()
print(len(m), [x for x in m], 3 in m, bool(m), int(m), float(m), m.__index__())
print(m == m, m == 1, m != m, m != 1)
print(r(m[0]), r(m['k']), r(m.__enter__()))
with m as entered:
    print(r(entered))
print(r(m.mock_calls))
m.__len__.return_value = 7
m.__iter__.return_value = iter('ab')
m.__getitem__.side_effect = lambda k: k * 2
m.__contains__.return_value = True
print(len(m), [x for x in m], m[21], 'x' in m)
m.__eq__.return_value = 'eq!'
print(m == 5)
m.__str__.return_value = 'str of m'
print(str(m))
m[1] = 2
del m[1]
print(m.__setitem__.call_args, m.__delitem__.call_args)
print(r(m + 1), r(1 + m), r(m * 2))
m.__add__.return_value = 'added'
print(m + 5, m.__add__.call_args)
print(r(m.__lt__), m < 3 if False else 'skip')
try:
    m < 3
except TypeError as e:
    print('TypeError:', e)
m.__lt__.return_value = True
print(m < 3)
print(hash(m) == hash(m), type(hash(m)).__name__)

def fake_len(self):
    return 42

m.__len__ = fake_len
print(len(m))
try:
    m.__getattr__ = lambda self, name: 1
except AttributeError as e:
    print('AttributeError:', e)

mm = MagicMock()
mm.__iter__.return_value = [1, 2, 3]
print([x for x in mm], [x for x in mm])
print(r(MagicMock(name='magic')), r(MagicMock().__len__))
nc = NonCallableMagicMock()
print(len(nc), r(nc))
try:
    nc()
except TypeError as e:
    print('TypeError:', e)
spec_m = MagicMock(spec=['__len__', 'x'])
print(len(spec_m), hasattr(spec_m, '__iter__'))


async def main():
    am = AsyncMock(return_value=5)
    print(r(am), inspect.iscoroutinefunction(am), asyncio.iscoroutinefunction(am))
    coro = am(1, k=2)
    print(inspect.isawaitable(coro), am.call_count, am.await_count)
    print(await coro, am.await_count, am.await_args, am.await_args_list)
    check(am.assert_awaited)
    check(am.assert_awaited_once)
    check(am.assert_awaited_with, 1, k=2)
    check(am.assert_awaited_with, 2)
    check(am.assert_awaited_once_with, 1, k=2)
    check(am.assert_any_await, 1, k=2)
    check(am.assert_any_await, 3)
    check(am.assert_not_awaited)
    await am(3)
    check(am.assert_awaited_once)
    check(am.assert_has_awaits, [call(1, k=2), call(3)])
    check(am.assert_has_awaits, [call(3), call(1, k=2)])
    check(am.assert_has_awaits, [call(3), call(1, k=2)], any_order=True)
    check(am.assert_has_awaits, [call(4)], any_order=True)
    fresh = AsyncMock()
    check(fresh.assert_awaited)
    check(fresh.assert_awaited_with, 1)
    fresh()   # a call that is never awaited
    print(fresh.call_count, fresh.await_count)
    check(fresh.assert_not_awaited)
    print(r(await fresh()))

    se = AsyncMock(side_effect=[1, ValueError('second')])
    print(await se())
    try:
        await se()
    except ValueError as e:
        print('ValueError:', e)
    try:
        await se()
    except StopAsyncIteration:
        print('StopAsyncIteration')

    async def effect(x):
        await asyncio.sleep(0)
        return x + 1
    se2 = AsyncMock(side_effect=effect)
    print(await se2(1))
    se3 = AsyncMock(side_effect=KeyError('k'))
    try:
        await se3()
    except KeyError as e:
        print('KeyError:', e)

    # MagicMock supports async with and async for.
    cm = MagicMock()
    async with cm as value:
        print(r(value))
    print(cm.__aenter__.await_count, cm.__aexit__.await_count, r(cm.__aenter__))
    it = MagicMock()
    it.__aiter__.return_value = [1, 2, 3]
    print([x async for x in it])

    # Children of an AsyncMock are AsyncMocks.
    parent = AsyncMock()
    print(r(parent.child), r(parent.__len__) if False else '')
    await parent.child.method(1)
    print(parent.mock_calls)
    am.reset_mock()
    print(am.await_count, am.await_args, am.await_args_list, am.call_count)

asyncio.run(main())
