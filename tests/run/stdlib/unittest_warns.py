# assertWarns and assertWarnsRegex (context manager and callable forms,
# the warning, filename and lineno caught, failure messages), and the
# deprecation warnings unittest gives (aliases, a test returning a value).
import sys
import unittest
import warnings

tc = unittest.TestCase()


def check(f, *args, **kwargs):
    try:
        f(*args, **kwargs)
    except AssertionError as e:
        print('AssertionError:', e)
    except Exception as e:
        print(type(e).__name__ + ':', e)
    else:
        print('passed')


def warn_user(msg='careful', category=UserWarning):
    warnings.warn(msg, category)


with tc.assertWarns(UserWarning) as cm:
    warn_user()
print(type(cm.warning).__name__, cm.warning, cm.filename.endswith('unittest_warns.py'), cm.lineno)
with tc.assertWarns((DeprecationWarning, UserWarning)) as cm:
    warn_user('second', DeprecationWarning)
print(cm.warning)
with tc.assertWarnsRegex(UserWarning, 'car') as cm:
    warn_user()
print(cm.warning)
check(tc.assertWarns, UserWarning, warn_user)
check(tc.assertWarns, UserWarning, lambda: None)
check(tc.assertWarns, RuntimeWarning, warn_user)
check(tc.assertWarnsRegex, UserWarning, 'nope', warn_user)
check(tc.assertWarns, 'x', warn_user)
check(tc.assertWarns, UserWarning, msg='m')


def no_warning():
    with tc.assertWarns(UserWarning, msg='expected one'):
        pass


def wrong_regex():
    with tc.assertWarnsRegex(UserWarning, r'\d+'):
        warn_user('no digits')


check(no_warning)
check(wrong_regex)

# A warning of another category passes through.
with warnings.catch_warnings(record=True) as seen:
    warnings.simplefilter('always')
    with tc.assertWarns(UserWarning):
        warn_user('other', RuntimeWarning)
        warn_user('wanted')
print([str(w.message) for w in seen])

# The deprecated aliases warn, then do their job.
with warnings.catch_warnings(record=True) as seen:
    warnings.simplefilter('always')
    check(tc.assertEquals, 1, 2)
    check(tc.failUnless, True)
    check(tc.assertNotEquals, 1, 1)
print([str(w.message) for w in seen])


class Stream:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)

    def flush(self):
        pass


class Returns(unittest.TestCase):
    def test_returns_value(self):
        return 42

    def test_warns_inside(self):
        with self.assertWarns(UserWarning):
            warn_user()


with warnings.catch_warnings(record=True) as seen:
    warnings.simplefilter('always')
    stream = Stream()
    result = unittest.TextTestRunner(stream=stream).run(
        unittest.TestLoader().loadTestsFromTestCase(Returns))
print(result.wasSuccessful(), [type(w.message).__name__ for w in seen])
print([str(w.message).split(' (<')[0] for w in seen])
