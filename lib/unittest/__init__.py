"""unittest: Python's unit testing framework (CPython 3.11's), for aiopy.

TestCase with the assert* family and CPython's failure messages and
diffs, fixtures and cleanups, subTest, skips and expected failures,
IsolatedAsyncioTestCase, TestSuite, TestLoader (with discover and -k
patterns), TextTestRunner's output, unittest.main() and `aiopy -m
unittest`, and unittest.mock. See the header of each module for what is
left out (assertLogs, --locals, ...).

`import unittest` loads only the core (case, suite, result); the loader,
the runner and main come on first use of their names, the asyncio test
case when IsolatedAsyncioTestCase is first used, mock on `import
unittest.mock`.
"""

__all__ = ['TestResult', 'TestCase', 'IsolatedAsyncioTestCase', 'TestSuite',
           'TextTestRunner', 'TestLoader', 'FunctionTestCase', 'main',
           'defaultTestLoader', 'SkipTest', 'skip', 'skipIf', 'skipUnless',
           'expectedFailure', 'TextTestResult', 'installHandler',
           'registerResult', 'removeResult', 'removeHandler',
           'addModuleCleanup', 'doModuleCleanups', 'enterModuleContext',
           'getTestCaseNames', 'makeSuite', 'findTestCases']

__unittest = True

from unittest.result import TestResult
from unittest.case import (addModuleCleanup, TestCase, FunctionTestCase, SkipTest, skip,
                           skipIf, skipUnless, expectedFailure, doModuleCleanups,
                           enterModuleContext)
from unittest.suite import BaseTestSuite, TestSuite

# name -> the submodule defining it, imported on first use.
_lazy = {
    'TestLoader': 'loader', 'defaultTestLoader': 'loader',
    'getTestCaseNames': 'loader', 'makeSuite': 'loader', 'findTestCases': 'loader',
    'TestProgram': 'main', 'main': 'main',
    'TextTestRunner': 'runner', 'TextTestResult': 'runner',
    'installHandler': 'signals', 'registerResult': 'signals',
    'removeResult': 'signals', 'removeHandler': 'signals',
    'IsolatedAsyncioTestCase': 'async_case',
}


def __dir__():
    return list(globals().keys() | _lazy.keys() | {'_TextTestResult'})


def __getattr__(name):
    if name == '_TextTestResult':   # the deprecated name
        name = 'TextTestResult'
    sub = _lazy.get(name)
    if sub is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module = __import__('unittest.' + sub, fromlist=[name])
    value = getattr(module, name)
    globals()[name] = value
    return value


def load_tests(loader, tests, pattern):
    # unittest has no tests of its own to discover in aiopy.
    return loader.suiteClass()
