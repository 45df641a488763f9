# A test module as people write them, ended by unittest.main(): it runs
# the module's tests, reports on stderr and exits with status 1 when a
# test failed. (The runner's stream masks the run's duration.)
import sys
import unittest


class MaskTime:
    """Passes text on to a stream, with "Ran N tests in T" made constant."""

    def __init__(self, stream):
        self.stream = stream
        self.pending = ''

    def write(self, text):
        self.pending += text
        while '\n' in self.pending:
            line, self.pending = self.pending.split('\n', 1)
            if line.startswith('Ran ') and ' in ' in line:
                line = line[:line.index(' in ')] + ' in X.XXXs'
            self.stream.write(line + '\n')

    def flush(self):
        self.stream.write(self.pending)
        self.pending = ''
        self.stream.flush()


class Stack:
    def __init__(self):
        self.items = []

    def push(self, x):
        self.items.append(x)

    def pop(self):
        if not self.items:
            raise IndexError('pop from empty stack')
        return self.items.pop()


class StackTest(unittest.TestCase):
    def setUp(self):
        self.stack = Stack()

    def test_push_pop(self):
        self.stack.push(1)
        self.stack.push(2)
        self.assertEqual(self.stack.pop(), 2)
        self.assertEqual(self.stack.items, [1])

    def test_pop_empty(self):
        with self.assertRaises(IndexError) as cm:
            self.stack.pop()
        self.assertEqual(str(cm.exception), 'pop from empty stack')

    def test_pop_empty_message(self):
        self.assertRaisesRegex(IndexError, 'empty', self.stack.pop)

    def test_wrong_expectation(self):
        self.stack.push('a')
        self.assertEqual(self.stack.items, ['a', 'b'])

    def test_not_raised(self):
        with self.assertRaises(ValueError):
            self.stack.push(1)

    def test_wrong_exception(self):
        with self.assertRaises(KeyError):
            self.stack.pop()

    def test_regex_mismatch(self):
        with self.assertRaisesRegex(IndexError, 'full'):
            self.stack.pop()

    def test_callable_not_raised(self):
        self.assertRaises(TypeError, self.stack.push, 3)

    def test_bad_arguments(self):
        self.assertRaises('not an exception', self.stack.pop)


class TextTest(unittest.TestCase):
    def test_split(self):
        """Splitting on whitespace."""
        self.assertEqual('a b  c'.split(), ['a', 'b', 'c'])

    def test_lines(self):
        self.assertMultiLineEqual('first\nsecond\nthird\n', 'first\nsecond!\nthird\n')

    @unittest.skipIf(sys.platform == 'linux', 'not on linux')
    def test_platform(self):
        pass


if __name__ == '__main__':
    unittest.main(testRunner=unittest.TextTestRunner(stream=MaskTime(sys.stderr), verbosity=2))
