# TestLoader and TestSuite: method names (sorted, prefix, -k patterns),
# loading by name, the load_tests protocol, failed names, and the
# reprs, ids and equality of tests and suites.
import sys
import unittest

main = sys.modules[__name__]


class Alpha(unittest.TestCase):
    def test_b(self):
        pass

    def test_a(self):
        pass

    def check_c(self):
        pass

    test_not_callable = 5

    def helper(self):
        pass


class Beta(Alpha):
    def test_z(self):
        pass


class NoTests(unittest.TestCase):
    def runTest(self):
        pass


def names(suite):
    out = []
    for t in suite:
        if isinstance(t, unittest.TestSuite):
            out.append(names(t))
        else:
            out.append(t.id())
    return out


loader = unittest.TestLoader()
print(loader.getTestCaseNames(Alpha))
print(loader.getTestCaseNames(Beta))
print(names(loader.loadTestsFromTestCase(NoTests)))
print(names(loader.loadTestsFromTestCase(unittest.TestCase)))
loader.testMethodPrefix = 'check'
print(loader.getTestCaseNames(Alpha))
loader = unittest.TestLoader()
loader.sortTestMethodsUsing = lambda a, b: (a < b) - (a > b)
print(loader.getTestCaseNames(Beta))
loader.sortTestMethodsUsing = None
print(loader.getTestCaseNames(Alpha) == sorted(loader.getTestCaseNames(Alpha)))

# -k patterns match the full name with shell wildcards.
loader = unittest.TestLoader()
for pats in (['*test_a*'], ['*Beta*'], ['*_[ab]'], ['*Alpha.test_?'], ['nothing'],
             ['*z*', '*b*'], ['*[!a]']):
    loader.testNamePatterns = pats
    print(pats, loader.getTestCaseNames(Beta))

# Loading by name, relative to a module.
loader = unittest.TestLoader()
print(names(loader.loadTestsFromName('Alpha', main)))
print(names(loader.loadTestsFromName('Beta.test_z', main)))
print(names(loader.loadTestsFromNames(['Alpha.test_a', 'NoTests'], main)))
bad = loader.loadTestsFromName('Gamma', main)
print(names(bad), len(loader.errors))
print(loader.errors[0].splitlines()[0])
result = unittest.TestResult()
bad.run(result)
print(result.errors[0][1].splitlines()[-1])
try:
    loader.loadTestsFromName('main', main)
except TypeError as e:
    print('TypeError:', e)

def make_suite():
    return unittest.TestSuite([Alpha('test_a')])

print(names(loader.loadTestsFromName('make_suite', main)))

def not_a_test():
    return 42

try:
    loader.loadTestsFromName('not_a_test', main)
except TypeError as e:
    print('TypeError:', str(e).split(' at ')[0])

# The load_tests protocol.
def load_tests(loader, tests, pattern):
    print('load_tests called with', tests.countTestCases(), 'tests, pattern', pattern)
    suite = unittest.TestSuite()
    suite.addTest(Alpha('test_b'))
    return suite

print(names(unittest.TestLoader().loadTestsFromModule(main)))
del load_tests
print(names(unittest.TestLoader().loadTestsFromModule(main)))

# Suites.
s = unittest.TestSuite()
print(s.countTestCases(), list(s), repr(s))
s.addTest(Alpha('test_a'))
s.addTests([Alpha('test_b'), unittest.TestSuite([Beta('test_z')])])
print(s.countTestCases(), names(s))
print(repr(s))
print(s == unittest.TestSuite([Alpha('test_a'), Alpha('test_b'), unittest.TestSuite([Beta('test_z')])]))
for bad_test in (5, Alpha, unittest.TestSuite):
    try:
        s.addTest(bad_test)
    except TypeError as e:
        print('TypeError:', e)
try:
    s.addTests('abc')
except TypeError as e:
    print('TypeError:', e)
result = unittest.TestResult()
s.run(result)
print(result.testsRun, s.countTestCases(), list(s))

# Tests themselves.
t = Alpha('test_a')
print(t.id(), str(t), repr(t), t.countTestCases(), t.shortDescription())
print(t == Alpha('test_a'), t == Alpha('test_b'), t == Beta('test_a'), hash(t) == hash(Alpha('test_a')))
try:
    Alpha('test_missing')
except ValueError as e:
    print('ValueError:', e)
print(NoTests().id())
f = unittest.FunctionTestCase(lambda: None, description='a function test')
print(str(f), f.shortDescription(), f.id())
def ft():
    "Doc of ft."
print(unittest.FunctionTestCase(ft).shortDescription(), str(unittest.FunctionTestCase(ft)))
r = unittest.TestResult()
print(repr(r), r.wasSuccessful())
Alpha('test_a').run(r)
print(repr(r), r.testsRun)
print(unittest.defaultTestLoader is unittest.defaultTestLoader, type(unittest.defaultTestLoader).__name__)
