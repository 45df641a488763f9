# unittest.result: TestResult, the record of a run (CPython 3.11's):
# failures, errors, skips, expected failures and unexpected successes, the
# formatted tracebacks kept with them, failfast, and the buffering of
# stdout/stderr (-b) while each test runs.
#
# Tracebacks: the frames of unittest itself (modules saying `__unittest =
# True`) that lead to the test's own are cut, as in CPython; aiopy's
# printer leaves out every frame of its embedded library anyway.
# Left out: tb_locals (--locals) raises NotImplementedError.

import sys

__unittest = True

STDOUT_LINE = '\nStdout:\n%s'
STDERR_LINE = '\nStderr:\n%s'


class _Buffer:
    """What sys.stdout/sys.stderr become while a buffered test runs: a
    small text buffer (io.StringIO's write/getvalue/seek/truncate)."""

    def __init__(self):
        self._parts = []

    def write(self, s):
        if not isinstance(s, str):
            raise TypeError('string argument expected, got %r' % type(s).__name__)
        self._parts.append(s)
        return len(s)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def getvalue(self):
        return ''.join(self._parts)

    def flush(self):
        pass

    def seek(self, pos, whence=0):
        return 0

    def truncate(self, size=None):
        self._parts = []
        return 0

    def isatty(self):
        return False


def _failfast(method):
    # Stops the run at the first failure, error or unexpected success when
    # the result's failfast is set.
    def inner(self, *args, **kw):
        if getattr(self, 'failfast', False):
            self.stop()
        return method(self, *args, **kw)
    inner.__name__ = method.__name__
    inner.__qualname__ = method.__qualname__
    inner.__doc__ = method.__doc__
    return inner


class TestResult(object):
    """Holder for test result information: the lists failures, errors,
    skipped, expectedFailures and unexpectedSuccesses, and testsRun."""
    _previousTestClass = None
    _testRunEntered = False
    _moduleSetUpFailed = False

    def __init__(self, stream=None, descriptions=None, verbosity=None):
        self.failfast = False
        self.failures = []
        self.errors = []
        self.testsRun = 0
        self.skipped = []
        self.expectedFailures = []
        self.unexpectedSuccesses = []
        self.shouldStop = False
        self.buffer = False
        self.tb_locals = False
        self._stdout_buffer = None
        self._stderr_buffer = None
        self._original_stdout = sys.stdout
        self._original_stderr = sys.stderr
        self._mirrorOutput = False

    def printErrors(self):
        "Called by TestRunner after test run"

    def startTest(self, test):
        "Called when the given test is about to be run"
        self.testsRun += 1
        self._mirrorOutput = False
        self._setupStdout()

    def _setupStdout(self):
        if self.buffer:
            if self._stderr_buffer is None:
                self._stderr_buffer = _Buffer()
                self._stdout_buffer = _Buffer()
            sys.stdout = self._stdout_buffer
            sys.stderr = self._stderr_buffer

    def startTestRun(self):
        """Called once before any tests are executed."""

    def stopTest(self, test):
        """Called when the given test has been run"""
        self._restoreStdout()
        self._mirrorOutput = False

    def _restoreStdout(self):
        if self.buffer:
            if self._mirrorOutput:
                output = sys.stdout.getvalue()
                error = sys.stderr.getvalue()
                if output:
                    if not output.endswith('\n'):
                        output += '\n'
                    self._original_stdout.write(STDOUT_LINE % output)
                if error:
                    if not error.endswith('\n'):
                        error += '\n'
                    self._original_stderr.write(STDERR_LINE % error)
            sys.stdout = self._original_stdout
            sys.stderr = self._original_stderr
            self._stdout_buffer.seek(0)
            self._stdout_buffer.truncate()
            self._stderr_buffer.seek(0)
            self._stderr_buffer.truncate()

    def stopTestRun(self):
        """Called once after all tests are executed."""

    @_failfast
    def addError(self, test, err):
        """An error (an exception other than the failure exception);
        err is what sys.exc_info() returns."""
        self.errors.append((test, self._exc_info_to_string(err, test)))
        self._mirrorOutput = True

    @_failfast
    def addFailure(self, test, err):
        """A failure (the test's failureException)."""
        self.failures.append((test, self._exc_info_to_string(err, test)))
        self._mirrorOutput = True

    def addSubTest(self, test, subtest, err):
        """The end of a subtest; err is None when it passed."""
        if err is not None:
            if getattr(self, 'failfast', False):
                self.stop()
            if issubclass(err[0], test.failureException):
                errors = self.failures
            else:
                errors = self.errors
            errors.append((subtest, self._exc_info_to_string(err, test)))
            self._mirrorOutput = True

    def addSuccess(self, test):
        "Called when a test has completed successfully"
        pass

    def addSkip(self, test, reason):
        """Called when a test is skipped."""
        self.skipped.append((test, reason))

    def addExpectedFailure(self, test, err):
        """Called when an expected failure/error occurred."""
        self.expectedFailures.append((test, self._exc_info_to_string(err, test)))

    @_failfast
    def addUnexpectedSuccess(self, test):
        """Called when a test was expected to fail, but succeed."""
        self.unexpectedSuccesses.append(test)

    def wasSuccessful(self):
        """Tells whether or not this result was a success."""
        return (len(self.failures) == len(self.errors) == 0 and
                (not hasattr(self, 'unexpectedSuccesses') or
                 len(self.unexpectedSuccesses) == 0))

    def stop(self):
        """Indicates that the tests should be aborted."""
        self.shouldStop = True

    def _exc_info_to_string(self, err, test):
        """The traceback of err (a sys.exc_info() triple) as text."""
        import traceback
        if self.tb_locals:
            raise NotImplementedError("aiopy: unittest's tb_locals (--locals) is not supported")
        exctype, value, tb = err
        tb = self._clean_tracebacks(exctype, value, tb, test)
        msg_lines = traceback.format_exception(exctype, value, tb)
        if self.buffer:
            output = sys.stdout.getvalue()
            error = sys.stderr.getvalue()
            if output:
                if not output.endswith('\n'):
                    output += '\n'
                msg_lines.append(STDOUT_LINE % output)
            if error:
                if not error.endswith('\n'):
                    error += '\n'
                msg_lines.append(STDERR_LINE % error)
        return ''.join(msg_lines)

    def _clean_tracebacks(self, exctype, value, tb, test):
        # The frames of unittest's running machinery that come first go,
        # here and in the chained exceptions, so that a traceback made of
        # them alone is not printed at all. (The frames after the test's
        # own that CPython cuts from a failure are library frames, which
        # aiopy's printer leaves out anyway.)
        ret = None
        first = True
        excs = [(exctype, value, tb)]
        seen = {id(value)}
        while excs:
            (exctype, value, tb) = excs.pop()
            while tb and self._is_relevant_tb_level(tb):
                tb = tb.tb_next
            if first:
                ret = tb
                first = False
            else:
                value.__traceback__ = tb
            if value is not None:
                for c in (value.__cause__, value.__context__):
                    if c is not None and id(c) not in seen:
                        excs.append((type(c), c, c.__traceback__))
                        seen.add(id(c))
        return ret

    def _is_relevant_tb_level(self, tb):
        # CPython: '__unittest' in tb.tb_frame.f_globals. aiopy's tracebacks
        # have no frames; the module is found from the code's file name.
        code = getattr(tb, 'tb_code', None)
        if code is None:
            return False
        filename = code.co_filename
        if filename.startswith('<frozen ') and filename.endswith('>'):
            module = sys.modules.get(filename[8:-1])
        else:
            module = None
            for m in list(sys.modules.values()):
                if getattr(m, '__file__', None) == filename:
                    module = m
                    break
        return module is not None and '__unittest' in getattr(module, '__dict__', ())

    def __repr__(self):
        from unittest.util import strclass
        return ("<%s run=%i errors=%i failures=%i>" %
                (strclass(self.__class__), self.testsRun, len(self.errors),
                 len(self.failures)))
