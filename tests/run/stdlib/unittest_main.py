# unittest.main(): its command line (-v, -q, -f, -b, -k, test names,
# defaultTest), exit statuses, the help text and argparse's usage errors.
import sys
import unittest


class Stream:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)

    def flush(self):
        pass


def main(argv, **kwargs):
    print('>>>', ' '.join(argv[1:]), kwargs)
    real = sys.stderr
    sys.stderr = stream = Stream()
    code = 'no exit'
    try:
        unittest.main(argv=argv, testLoader=unittest.TestLoader(), **kwargs)
    except SystemExit as e:
        code = e.code
    finally:
        sys.stderr = real
    lines = ''.join(stream.parts).split('\n')
    for i, line in enumerate(lines):
        if line.startswith('Ran ') and ' in ' in line:
            lines[i] = line[:line.index(' in ')] + ' in X.XXXs'
    real.write('>>> ' + ' '.join(argv[1:]) + '\n' + '\n'.join(lines))
    print('exit:', code)


class Arith(unittest.TestCase):
    def test_add(self):
        self.assertEqual(1 + 1, 2)

    def test_sub(self):
        self.assertEqual(3 - 1, 2)

    def test_wrong(self):
        print('printed by test_wrong')
        self.assertEqual(2 * 2, 5)


class Text(unittest.TestCase):
    def test_upper(self):
        print('printed by test_upper')
        self.assertEqual('a'.upper(), 'A')

    def test_skipped(self):
        self.skipTest('no')


main(['prog'])
main(['prog', '-v'])
main(['prog', '-q'])
main(['prog', 'Text'])
main(['prog', '--verbose', 'Arith.test_add', 'Text.test_upper'])
main(['prog', '-v', '-k', 'add'])
main(['prog', '-k', 'up', '-k', '*sub', '-v'])
main(['prog', '-vkTe'])
main(['prog', '-f', 'Arith'])
main(['prog', '--fail', '--verb', 'Arith'])
main(['prog', '-v', 'Text'], exit=False)
main(['prog', 'Arith.test_add'], exit=False)
main(['prog', '-b', 'Text', 'Arith'])
main(['prog'], defaultTest='Text.test_upper')
main(['prog'], defaultTest=['Arith.test_add', 'Text'], verbosity=2)
main(['prog', 'Missing'])
main(['prog', '-h'])
main(['prog', '--help', 'Arith'])
main(['prog', '--bogus'])
main(['prog', '-k'])
main(['prog', 'Arith', '-v', 'Text'])
main(['prog', '-x', '-y', 'z'])
main(['a_rather_long_program_name_to_see_how_the_usage_lines_wrap.py', '-z'])
