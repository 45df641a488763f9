# The assert* family of unittest.TestCase: what passes, and the exact
# failure messages (longMessage, msg=, shortened reprs).
import unittest

tc = unittest.TestCase()


def check(name, *args, **kwargs):
    try:
        getattr(tc, name)(*args, **kwargs)
    except AssertionError as e:
        print(f"{name}: {type(e).__name__}: {e}")
    except Exception as e:
        print(f"{name}: raised {type(e).__name__}: {e}")
    else:
        print(f"{name}: passed")


check('assertEqual', 1, 1)
check('assertEqual', 1, 2)
check('assertEqual', 1, 2, 'custom')
check('assertEqual', 1.0, 1)
check('assertEqual', 'a' * 100, 'a' * 99 + 'b')
check('assertEqual', 'x' * 50 + 'a' * 100, 'x' * 50 + 'b' * 100)
check('assertEqual', None, 0)
check('assertNotEqual', 1, 2)
check('assertNotEqual', 1, 1)
check('assertNotEqual', [1], [1], msg='lists')
check('assertTrue', 1)
check('assertTrue', 0)
check('assertTrue', [], 'empty')
check('assertFalse', '')
check('assertFalse', 'x')
check('assertIs', None, None)
check('assertIs', [], [])
check('assertIsNot', tc, tc)
check('assertIsNone', None)
check('assertIsNone', 5)
check('assertIsNotNone', None)
check('assertIn', 1, [1, 2])
check('assertIn', 3, [1, 2])
check('assertIn', 'z', 'abc', 'not there')
check('assertNotIn', 1, (1, 2))
check('assertIsInstance', 1, str)
check('assertIsInstance', 1, (int, str))
check('assertNotIsInstance', 1, int)
check('assertGreater', 1, 2)
check('assertGreaterEqual', 1, 2)
check('assertLess', 2, 1)
check('assertLessEqual', 2, 1)
check('assertGreater', 3, 2)
check('assertAlmostEqual', 1.0, 1.00000001)
check('assertAlmostEqual', 1.0, 1.1)
check('assertAlmostEqual', 1.0, 1.1, places=1)
check('assertAlmostEqual', 1.0, 1.1, places=2)
check('assertAlmostEqual', 10, 12, delta=1)
check('assertAlmostEqual', 10, 11, delta=1)
check('assertAlmostEqual', 1, 2, places=1, delta=1)
check('assertNotAlmostEqual', 1.0, 1.00000001)
check('assertNotAlmostEqual', 1.0, 1.1)
check('assertNotAlmostEqual', 10, 11, delta=1)
check('assertNotAlmostEqual', 10, 10)
check('assertRegex', 'hello world', r'wor')
check('assertRegex', 'hello world', r'^wor')
check('assertNotRegex', 'hello world', r'o w')
check('assertCountEqual', [1, 2, 2], [2, 1, 2])
check('assertCountEqual', [1, 2, 2], [2, 1, 1, 3])
check('assertCountEqual', [[1], [2]], [[2], [1], [1]])
check('assertDictContainsSubset', {'a': 1}, {'a': 1, 'b': 2})
check('fail')
check('fail', 'boom')
check('skipTest', 'why')

# longMessage off: the explicit message replaces the standard one.
tc.longMessage = False
check('assertEqual', 1, 2)
check('assertEqual', 1, 2, 'only this')
check('assertIn', 3, [1], 'only this')
tc.longMessage = True

# failureException decides what a failure raises.
class MyError(Exception):
    pass

class Custom(unittest.TestCase):
    failureException = MyError

c = Custom()
try:
    c.assertTrue(False)
except MyError as e:
    print('custom failure:', type(e).__name__, e)

