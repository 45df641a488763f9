# IsolatedAsyncioTestCase: the order of setUp, asyncSetUp, the test,
# asyncTearDown, tearDown and the (async) cleanups, a fresh loop per test,
# one contextvars context for all of a test's parts, failures and errors
# inside coroutines, enterAsyncContext.
import asyncio
import contextvars
import sys
import unittest

log = []
var = contextvars.ContextVar('var', default='unset')
loops = []


class Stream:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)

    def flush(self):
        pass


def run(*classes, verbosity=2):
    del log[:]
    stream = Stream()
    loader = unittest.TestLoader()
    suite = unittest.TestSuite(loader.loadTestsFromTestCase(c) for c in classes)
    result = unittest.TextTestRunner(stream=stream, verbosity=verbosity).run(suite)
    lines = ''.join(stream.parts).split('\n')
    for i, line in enumerate(lines):
        if line.startswith('Ran ') and ' in ' in line:
            lines[i] = line[:line.index(' in ')] + ' in X.XXXs'
    sys.stderr.write('\n'.join(lines) + '#####\n')
    for entry in log:
        print(entry)
    print(result)


class ACM:
    async def __aenter__(self):
        log.append('aenter')
        return 'acm-value'

    async def __aexit__(self, *exc):
        log.append('aexit')


class Order(unittest.IsolatedAsyncioTestCase):
    def setUp(self):
        log.append('setUp')
        var.set('from setUp')

    async def asyncSetUp(self):
        log.append('asyncSetUp ' + var.get())
        self.addAsyncCleanup(self.acleanup, 'async cleanup')
        self.addCleanup(log.append, 'sync cleanup')

    async def acleanup(self, what):
        await asyncio.sleep(0)
        log.append(what + ' ' + var.get())

    async def test_async(self):
        loops.append(asyncio.get_running_loop())
        await asyncio.sleep(0.01)
        log.append('test_async ' + var.get())
        log.append(await self.enterAsyncContext(ACM()))

    def test_sync(self):
        loops.append(asyncio.get_event_loop())
        log.append('test_sync ' + var.get())

    async def asyncTearDown(self):
        log.append('asyncTearDown')

    def tearDown(self):
        log.append('tearDown')


class Failing(unittest.IsolatedAsyncioTestCase):
    async def test_fail(self):
        await asyncio.sleep(0)
        self.assertEqual([1, 2], [1, 3])

    async def test_error(self):
        async def inner():
            await asyncio.sleep(0)
            raise ValueError('inner failed')
        await inner()

    async def test_task_error(self):
        async def boom():
            raise KeyError('in task')
        await asyncio.create_task(boom())

    @unittest.expectedFailure
    async def test_xfail(self):
        self.assertTrue(False)

    async def test_skip(self):
        self.skipTest('async skip')

    async def test_subtests(self):
        for i in range(3):
            with self.subTest(i=i):
                await asyncio.sleep(0)
                self.assertLess(i, 2)

    async def test_wait_for_timeout(self):
        await asyncio.wait_for(asyncio.sleep(10), 0.01)


class SetUpFails(unittest.IsolatedAsyncioTestCase):
    async def asyncSetUp(self):
        self.addAsyncCleanup(self.note)
        raise RuntimeError('asyncSetUp failed')

    async def note(self):
        log.append('cleanup after failed asyncSetUp')

    async def test_x(self):
        log.append('not run')


run(Order)
print(len(loops), loops[0] is loops[1], loops[0].is_closed(), loops[1].is_closed())
run(Failing)
run(SetUpFails)
run(Failing, verbosity=1)
