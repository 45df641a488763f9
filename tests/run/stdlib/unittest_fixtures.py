# The order of fixtures and cleanups: setUpModule/tearDownModule,
# setUpClass/tearDownClass, setUp/tearDown, addCleanup (LIFO, also after a
# failing setUp), class and module cleanups, enterContext, skipped classes,
# and the errors fixtures report ("setUpClass (__main__.X)").
import sys
import unittest

log = []


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
    print(' '.join(log))
    print(result)


def setUpModule():
    log.append('setUpModule')
    unittest.addModuleCleanup(log.append, 'moduleCleanup')


def tearDownModule():
    log.append('tearDownModule')


class CM:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        log.append('enter-' + self.name)
        return self.name.upper()

    def __exit__(self, *exc):
        log.append('exit-' + self.name)


class Order(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        log.append('setUpClass')
        cls.addClassCleanup(log.append, 'classCleanup')
        log.append(cls.enterClassContext(CM('cls')))

    @classmethod
    def tearDownClass(cls):
        log.append('tearDownClass')

    def setUp(self):
        log.append('setUp')
        self.addCleanup(log.append, 'cleanup1')
        self.addCleanup(log.append, 'cleanup2')

    def tearDown(self):
        log.append('tearDown')

    def test_one(self):
        log.append('one')
        log.append(self.enterContext(CM('test')))

    def test_two(self):
        log.append('two')
        self.fail('two fails')


class SetUpFails(unittest.TestCase):
    def setUp(self):
        self.addCleanup(log.append, 'cleanup-after-failed-setUp')
        raise RuntimeError('no setUp')

    def tearDown(self):
        log.append('tearDown-not-called')

    def test_x(self):
        log.append('not-run')


class ClassSetUpFails(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.addClassCleanup(log.append, 'class-cleanup-runs')
        raise ValueError('class setup failed')

    @classmethod
    def tearDownClass(cls):
        log.append('tearDownClass-not-called')

    def test_x(self):
        log.append('not-run')


class ClassTearDownFails(unittest.TestCase):
    @classmethod
    def tearDownClass(cls):
        raise KeyError('teardown class')

    def test_x(self):
        log.append('x')


class ClassCleanupFails(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        def bad():
            raise OSError('bad class cleanup')
        cls.addClassCleanup(bad)

    def test_x(self):
        log.append('x')


@unittest.skip('whole class')
class Skipped(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        log.append('never')

    def test_a(self):
        pass

    def test_b(self):
        pass


class SkipInSetUpClass(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        raise unittest.SkipTest('skip from setUpClass')

    def test_a(self):
        pass


@unittest.skipIf(True, 'condition true')
class SkipIf(unittest.TestCase):
    def test_a(self):
        pass


class SkipUnless(unittest.TestCase):
    @unittest.skipUnless(False, 'condition false')
    def test_a(self):
        pass

    @unittest.skipUnless(True, 'not skipped')
    def test_b(self):
        log.append('b-ran')

    @unittest.skipIf(False, 'not skipped')
    def test_c(self):
        log.append('c-ran')


run(Order)
run(SetUpFails)
run(ClassSetUpFails)
run(ClassTearDownFails)
run(ClassCleanupFails)
run(Skipped, SkipInSetUpClass, SkipIf, SkipUnless)
run(Order, Skipped, verbosity=1)

# doCleanups can be called by hand; the cleanups run once.
t = Order('test_one')
t.addCleanup(log.append, 'manual')
del log[:]
print(t.doCleanups(), log, t.doCleanups())
# debug() runs a test without a result: its exceptions propagate.
try:
    Order('test_two').debug()
except AssertionError as e:
    print('debug:', e)
