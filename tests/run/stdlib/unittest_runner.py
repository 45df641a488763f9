# TextTestRunner's output at verbosity 0, 1 and 2: progress letters,
# "... ok" lines, docstrings, subtests, the ERROR/FAIL reports with their
# tracebacks, and the summary line; failfast. The report goes to stderr
# with its timing masked.
import sys
import unittest


class Stream:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)

    def flush(self):
        pass


def run(*classes, **kwargs):
    stream = Stream()
    loader = unittest.TestLoader()
    suite = unittest.TestSuite(loader.loadTestsFromTestCase(c) for c in classes)
    result = unittest.TextTestRunner(stream=stream, **kwargs).run(suite)
    lines = ''.join(stream.parts).split('\n')
    for i, line in enumerate(lines):
        if line.startswith('Ran ') and ' in ' in line:
            lines[i] = line[:line.index(' in ')] + ' in X.XXXs'
    sys.stderr.write('\n'.join(lines))
    sys.stderr.write('#####\n')
    print(result, result.wasSuccessful(), len(result.failures), len(result.errors),
          len(result.skipped), len(result.expectedFailures), len(result.unexpectedSuccesses))


def helper(tc, value):
    tc.assertEqual(value, 42)


class Mixed(unittest.TestCase):
    def test_a_ok(self):
        pass

    def test_b_fail(self):
        """Fails on purpose.

        More text that is not shown."""
        self.assertEqual(1 + 1, 3)

    def test_c_error(self):
        {}['missing']

    @unittest.skip('not today')
    def test_d_skip(self):
        pass

    def test_e_skiptest(self):
        self.skipTest('skipped from inside')

    @unittest.expectedFailure
    def test_f_xfail(self):
        self.assertIn(3, [1, 2])

    @unittest.expectedFailure
    def test_g_usuccess(self):
        """An unexpected success."""

    def test_h_helper(self):
        helper(self, 41)

    def test_i_chained(self):
        try:
            int('x')
        except ValueError:
            raise RuntimeError('while converting')

    def test_j_fail_msg(self):
        self.fail('line one\nline two')


class Subtests(unittest.TestCase):
    def test_loop(self):
        for i in range(4):
            with self.subTest(i=i):
                if i % 2:
                    self.assertEqual(i, 0)

    def test_msg_and_nested(self):
        with self.subTest('outer', a=1):
            with self.subTest(b=2):
                raise KeyError('k')
        with self.subTest():
            self.fail('anonymous')

    def test_skip_inside(self):
        with self.subTest(x='s'):
            self.skipTest('sub skip')

    def test_all_pass(self):
        for i in range(3):
            with self.subTest(i=i):
                pass


class Fixtures(unittest.TestCase):
    def setUp(self):
        if self._testMethodName == 'test_setup_error':
            raise ValueError('setUp broke')

    def tearDown(self):
        if self._testMethodName == 'test_teardown_error':
            raise ValueError('tearDown broke')

    def test_setup_error(self):
        print('not reached')

    def test_teardown_error(self):
        self.addCleanup(print, 'cleanup runs')

    def test_cleanup_error(self):
        def bad():
            raise OSError('cleanup broke')
        self.addCleanup(bad)
        self.assertTrue(False)


run(Mixed)
run(Mixed, verbosity=2)
run(Mixed, verbosity=0)
run(Mixed, verbosity=2, descriptions=False)
run(Subtests, verbosity=2)
run(Subtests)
run(Fixtures, verbosity=2)
run(Mixed, failfast=True)
run(Mixed, verbosity=2, failfast=True)


class AllGood(unittest.TestCase):
    def test_one(self):
        pass

    @unittest.skip('x')
    def test_two(self):
        pass

run(AllGood)
run(AllGood, verbosity=2)
run()
