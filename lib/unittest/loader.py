# unittest.loader: TestLoader (CPython 3.11's): tests from a TestCase class,
# a module (with the load_tests protocol), dotted names and directories
# (discover), method names sorted, testMethodPrefix, -k patterns
# (testNamePatterns, shell-style as fnmatch), failed imports turned into
# failing tests, defaultTestLoader.
#
# discover() needs os.listdir and os.path (through unittest._fs); aiopy
# imports only top-level modules from directories, so discovery does not
# go into packages (a package directory is reported as not importable).

import sys

from unittest import case, suite, util

__unittest = True


def _valid_module_name(basename):
    # CPython: re.match(r'[_a-z]\w*\.py$', basename, re.IGNORECASE).
    if not basename.lower().endswith('.py'):
        return False
    stem = basename[:-3]
    if not stem or not (stem[0] == '_' or ('a' <= stem[0].lower() <= 'z')):
        return False
    return all(c == '_' or c.isalnum() for c in stem)


def _fnmatchcase(name, pattern):
    """fnmatch.fnmatchcase: * ? [seq] [!seq], without case folding."""
    try:
        import fnmatch
    except ImportError:
        return _match(name, 0, pattern, 0)
    return fnmatch.fnmatchcase(name, pattern)


def _class_end(pattern, i):
    # The index after the ']' of the class opening at pattern[i], or -1.
    j = i + 1
    if j < len(pattern) and pattern[j] == '!':
        j += 1
    if j < len(pattern) and pattern[j] == ']':
        j += 1
    while j < len(pattern) and pattern[j] != ']':
        j += 1
    return j + 1 if j < len(pattern) else -1


def _class_matches(cls, c):
    negate = cls.startswith('!')
    if negate:
        cls = cls[1:]
    hit = False
    k = 0
    while k < len(cls):
        if k + 2 < len(cls) and cls[k + 1] == '-':
            if cls[k] <= c <= cls[k + 2]:
                hit = True
            k += 3
        else:
            if cls[k] == c:
                hit = True
            k += 1
    return hit != negate


def _match(name, i, pattern, p):
    # Backtracking over '*': the last star is retried one character on.
    star_p = star_i = -1
    while i < len(name):
        if p < len(pattern):
            pc = pattern[p]
            if pc == '*':
                star_p, star_i = p, i
                p += 1
                continue
            if pc == '?':
                i += 1
                p += 1
                continue
            if pc == '[':
                end = _class_end(pattern, p)
                if end < 0:
                    ok = name[i] == '['
                    step = 1
                else:
                    ok = _class_matches(pattern[p + 1:end - 1], name[i])
                    step = end - p
                if ok:
                    i += 1
                    p += step
                    continue
            elif pc == name[i]:
                i += 1
                p += 1
                continue
        if star_p < 0:
            return False
        star_i += 1
        i = star_i
        p = star_p + 1
    while p < len(pattern) and pattern[p] == '*':
        p += 1
    return p == len(pattern)


class _FailedTest(case.TestCase):
    _testMethodName = None

    def __init__(self, method_name, exception):
        self._exception = exception
        super(_FailedTest, self).__init__(method_name)

    def __getattr__(self, name):
        if name != self._testMethodName:
            raise AttributeError("%r object has no attribute %r"
                                 % (type(self).__name__, name))

        def testFailure():
            raise self._exception
        return testFailure


def _format_exc():
    import traceback
    return traceback.format_exc()


def _make_failed_import_test(name, suiteClass):
    message = 'Failed to import test module: %s\n%s' % (name, _format_exc())
    return _make_failed_test(name, ImportError(message), suiteClass, message)


def _make_failed_load_tests(name, exception, suiteClass):
    message = 'Failed to call load_tests:\n%s' % (_format_exc(),)
    return _make_failed_test(name, exception, suiteClass, message)


def _make_failed_test(methodname, exception, suiteClass, message):
    test = _FailedTest(methodname, exception)
    return suiteClass((test,)), message


def _make_skipped_test(methodname, exception, suiteClass):
    @case.skip(str(exception))
    def testSkipped(self):
        pass
    attrs = {methodname: testSkipped}
    TestClass = type("ModuleSkipped", (case.TestCase,), attrs)
    return suiteClass((TestClass(methodname),))


def _splitext(path):
    from unittest import _fs
    return _fs.splitext(path)[0]


_ModuleType = type(sys)
_FunctionType = type(_valid_module_name)


def _is_test_case_class(obj):
    return (isinstance(obj, type) and issubclass(obj, case.TestCase) and
            obj not in (case.TestCase, case.FunctionTestCase))


class TestLoader(object):
    """
    This class is responsible for loading tests according to various criteria
    and returning them wrapped in a TestSuite
    """
    testMethodPrefix = 'test'
    sortTestMethodsUsing = staticmethod(util.three_way_cmp)
    testNamePatterns = None
    suiteClass = suite.TestSuite
    _top_level_dir = None

    def __init__(self):
        super(TestLoader, self).__init__()
        self.errors = []
        # Packages whose load_tests is running (no re-entry from discover).
        self._loading_packages = set()

    def loadTestsFromTestCase(self, testCaseClass):
        """Return a suite of all test cases contained in testCaseClass"""
        if issubclass(testCaseClass, suite.TestSuite):
            raise TypeError("Test cases should not be derived from "
                            "TestSuite. Maybe you meant to derive from "
                            "TestCase?")
        if testCaseClass in (case.TestCase, case.FunctionTestCase):
            testCaseNames = []
        else:
            testCaseNames = self.getTestCaseNames(testCaseClass)
            if not testCaseNames and hasattr(testCaseClass, 'runTest'):
                testCaseNames = ['runTest']
        return self.suiteClass(map(testCaseClass, testCaseNames))

    def loadTestsFromModule(self, module, *args, pattern=None, **kws):
        """Return a suite of all test cases contained in the given module"""
        # The old use_load_tests argument is accepted and ignored.
        if len(args) > 0 or 'use_load_tests' in kws:
            case._warn('use_load_tests is deprecated and ignored', DeprecationWarning)
            kws.pop('use_load_tests', None)
        if len(args) > 1:
            raise TypeError('loadTestsFromModule() takes 1 positional argument '
                            'but {} were given'.format(len(args) + 1))
        if len(kws) != 0:
            raise TypeError("loadTestsFromModule() got an unexpected keyword "
                            "argument '{}'".format(sorted(kws)[0]))
        tests = []
        for name in dir(module):
            obj = getattr(module, name)
            if _is_test_case_class(obj):
                tests.append(self.loadTestsFromTestCase(obj))

        load_tests = getattr(module, 'load_tests', None)
        tests = self.suiteClass(tests)
        if load_tests is not None:
            try:
                return load_tests(self, tests, pattern)
            except Exception as e:
                error_case, error_message = _make_failed_load_tests(
                    module.__name__, e, self.suiteClass)
                self.errors.append(error_message)
                return error_case
        return tests

    def loadTestsFromName(self, name, module=None):
        """Return a suite of all test cases given a string specifier.

        The name may resolve either to a module, a test case class, a
        test method within a test case class, or a callable object which
        returns a TestCase or TestSuite instance.

        The method optionally resolves the names relative to a given module.
        """
        parts = name.split('.')
        error_case, error_message = None, None
        if module is None:
            parts_copy = parts[:]
            while parts_copy:
                try:
                    module_name = '.'.join(parts_copy)
                    module = __import__(module_name)
                    break
                except ImportError:
                    next_attribute = parts_copy.pop()
                    # The last error, to report if nothing can be imported.
                    error_case, error_message = _make_failed_import_test(
                        next_attribute, self.suiteClass)
                    if not parts_copy:
                        self.errors.append(error_message)
                        return error_case
            parts = parts[1:]
        obj = module
        for part in parts:
            try:
                parent, obj = obj, getattr(obj, part)
            except AttributeError as e:
                if (getattr(obj, '__path__', None) is not None
                        and error_case is not None):
                    # A package: the import error says more than the
                    # missing attribute.
                    self.errors.append(error_message)
                    return error_case
                else:
                    error_case, error_message = _make_failed_test(
                        part, e, self.suiteClass,
                        'Failed to access attribute:\n%s' % (_format_exc(),))
                    self.errors.append(error_message)
                    return error_case

        if isinstance(obj, _ModuleType):
            return self.loadTestsFromModule(obj)
        elif _is_test_case_class(obj):
            return self.loadTestsFromTestCase(obj)
        elif (isinstance(obj, _FunctionType) and
              isinstance(parent, type) and
              issubclass(parent, case.TestCase)):
            name = parts[-1]
            inst = parent(name)
            # Static methods take the callable path below.
            if not isinstance(getattr(inst, name), _FunctionType):
                return self.suiteClass([inst])
        elif isinstance(obj, suite.TestSuite):
            return obj
        if callable(obj):
            test = obj()
            if isinstance(test, suite.TestSuite):
                return test
            elif isinstance(test, case.TestCase):
                return self.suiteClass([test])
            else:
                raise TypeError("calling %s returned %s, not a test" % (obj, test))
        else:
            raise TypeError("don't know how to make test from: %s" % obj)

    def loadTestsFromNames(self, names, module=None):
        """Return a suite of all test cases found using the given sequence
        of string specifiers. See 'loadTestsFromName()'.
        """
        suites = [self.loadTestsFromName(name, module) for name in names]
        return self.suiteClass(suites)

    def getTestCaseNames(self, testCaseClass):
        """Return a sorted sequence of method names found within testCaseClass
        """
        def shouldIncludeMethod(attrname):
            if not attrname.startswith(self.testMethodPrefix):
                return False
            testFunc = getattr(testCaseClass, attrname)
            if not callable(testFunc):
                return False
            fullName = '%s.%s.%s' % (testCaseClass.__module__,
                                     testCaseClass.__qualname__, attrname)
            return self.testNamePatterns is None or \
                any(_fnmatchcase(fullName, pattern) for pattern in self.testNamePatterns)
        testFnNames = [n for n in dir(testCaseClass) if shouldIncludeMethod(n)]
        cmp = self.sortTestMethodsUsing
        if cmp:
            if cmp is util.three_way_cmp:
                testFnNames.sort()
            else:
                from functools import cmp_to_key
                testFnNames.sort(key=cmp_to_key(cmp))
        return testFnNames

    def discover(self, start_dir, pattern='test*.py', top_level_dir=None):
        """Find and return all test modules from the specified start
        directory, recursing into subdirectories to find them and return all
        tests found within them. Only test files that match the pattern will
        be loaded. (Using shell style pattern matching.)

        All test modules must be importable from the top level of the
        project; top_level_dir defaults to start_dir. Paths are sorted
        before being imported.
        """
        from unittest import _fs
        set_implicit_top = False
        if top_level_dir is None and self._top_level_dir is not None:
            # Called from a package's load_tests.
            top_level_dir = self._top_level_dir
        elif top_level_dir is None:
            set_implicit_top = True
            top_level_dir = start_dir

        top_level_dir = _fs.abspath(top_level_dir)

        if not top_level_dir in sys.path:
            # Every test module must be importable from the top level.
            sys.path.insert(0, top_level_dir)
        self._top_level_dir = top_level_dir

        is_not_importable = False
        if _fs.isdir(_fs.abspath(start_dir)):
            start_dir = _fs.abspath(start_dir)
            if start_dir != top_level_dir:
                is_not_importable = not _fs.isfile(_fs.join(start_dir, '__init__.py'))
        else:
            # A dotted module name.
            try:
                __import__(start_dir)
            except ImportError:
                is_not_importable = True
            else:
                the_module = sys.modules[start_dir]
                top_part = start_dir.split('.')[0]
                try:
                    start_dir = _fs.abspath(_fs.dirname((the_module.__file__)))
                except AttributeError:
                    if the_module.__name__ in getattr(sys, 'builtin_module_names', ()):
                        raise TypeError('Can not use builtin modules '
                                        'as dotted module names') from None
                    else:
                        raise TypeError(
                            f"don't know how to discover from {the_module!r}"
                        ) from None

                if set_implicit_top:
                    self._top_level_dir = self._get_directory_containing_module(top_part)
                    sys.path.remove(top_level_dir)

        if is_not_importable:
            raise ImportError('Start directory is not importable: %r' % start_dir)

        tests = list(self._find_tests(start_dir, pattern))
        return self.suiteClass(tests)

    def _get_directory_containing_module(self, module_name):
        from unittest import _fs
        module = sys.modules[module_name]
        full_path = _fs.abspath(module.__file__)
        if _fs.basename(full_path).lower().startswith('__init__.py'):
            return _fs.dirname(_fs.dirname(full_path))
        else:
            # A module, not a package: its own directory is all there is.
            return _fs.dirname(full_path)

    def _get_name_from_path(self, path):
        from unittest import _fs
        if path == self._top_level_dir:
            return '.'
        path = _splitext(_fs.normpath(path))
        _relpath = _fs.relpath(path, self._top_level_dir)
        assert not _fs.isabs(_relpath), "Path must be within the project"
        assert not _relpath.startswith('..'), "Path must be within the project"
        return _relpath.replace('/', '.')

    def _get_module_from_name(self, name):
        __import__(name)
        return sys.modules[name]

    def _match_path(self, path, full_path, pattern):
        # Override for another matching strategy.
        return _fnmatchcase(path, pattern)

    def _find_tests(self, start_dir, pattern):
        """Used by discovery. Yields test suites it loads."""
        from unittest import _fs
        name = self._get_name_from_path(start_dir)
        # '.' is the top level directory, which is no package.
        if name != '.' and name not in self._loading_packages:
            tests, should_recurse = self._find_test_path(start_dir, pattern)
            if tests is not None:
                yield tests
            if not should_recurse:
                # An error, or the package's load_tests did the work.
                return
        paths = sorted(_fs.listdir(start_dir))
        for path in paths:
            full_path = _fs.join(start_dir, path)
            tests, should_recurse = self._find_test_path(full_path, pattern)
            if tests is not None:
                yield tests
            if should_recurse:
                # A package without load_tests.
                name = self._get_name_from_path(full_path)
                self._loading_packages.add(name)
                try:
                    yield from self._find_tests(full_path, pattern)
                finally:
                    self._loading_packages.discard(name)

    def _find_test_path(self, full_path, pattern):
        """Used by discovery: the tests of one file, or of a directory's
        __init__.py; returns (tests or None, should_recurse)."""
        from unittest import _fs
        basename = _fs.basename(full_path)
        if _fs.isfile(full_path):
            if not _valid_module_name(basename):
                return None, False
            if not self._match_path(basename, full_path, pattern):
                return None, False
            name = self._get_name_from_path(full_path)
            try:
                module = self._get_module_from_name(name)
            except case.SkipTest as e:
                return _make_skipped_test(name, e, self.suiteClass), False
            except:
                error_case, error_message = _make_failed_import_test(name, self.suiteClass)
                self.errors.append(error_message)
                return error_case, False
            else:
                mod_file = _fs.abspath(getattr(module, '__file__', full_path))
                realpath = _splitext(_fs.realpath(mod_file))
                fullpath_noext = _splitext(_fs.realpath(full_path))
                if realpath.lower() != fullpath_noext.lower():
                    module_dir = _fs.dirname(realpath)
                    mod_name = _splitext(_fs.basename(full_path))
                    expected_dir = _fs.dirname(full_path)
                    msg = ("%r module incorrectly imported from %r. Expected "
                           "%r. Is this module globally installed?")
                    raise ImportError(msg % (mod_name, module_dir, expected_dir))
                return self.loadTestsFromModule(module, pattern=pattern), False
        elif _fs.isdir(full_path):
            if not _fs.isfile(_fs.join(full_path, '__init__.py')):
                return None, False
            load_tests = None
            tests = None
            name = self._get_name_from_path(full_path)
            try:
                package = self._get_module_from_name(name)
            except case.SkipTest as e:
                return _make_skipped_test(name, e, self.suiteClass), False
            except:
                error_case, error_message = _make_failed_import_test(name, self.suiteClass)
                self.errors.append(error_message)
                return error_case, False
            else:
                load_tests = getattr(package, 'load_tests', None)
                self._loading_packages.add(name)
                try:
                    tests = self.loadTestsFromModule(package, pattern=pattern)
                    if load_tests is not None:
                        # Its load_tests loaded the package's tests.
                        return tests, False
                    return tests, True
                finally:
                    self._loading_packages.discard(name)
        else:
            return None, False


defaultTestLoader = TestLoader()


def _makeLoader(prefix, sortUsing, suiteClass=None, testNamePatterns=None):
    loader = TestLoader()
    loader.sortTestMethodsUsing = sortUsing
    loader.testMethodPrefix = prefix
    loader.testNamePatterns = testNamePatterns
    if suiteClass:
        loader.suiteClass = suiteClass
    return loader


def getTestCaseNames(testCaseClass, prefix, sortUsing=util.three_way_cmp, testNamePatterns=None):
    case._warn("unittest.getTestCaseNames() is deprecated and will be removed in Python 3.13. "
               "Please use unittest.TestLoader.getTestCaseNames() instead.",
               DeprecationWarning, 2)
    return _makeLoader(prefix, sortUsing, testNamePatterns=testNamePatterns).getTestCaseNames(testCaseClass)


def makeSuite(testCaseClass, prefix='test', sortUsing=util.three_way_cmp,
              suiteClass=suite.TestSuite):
    case._warn("unittest.makeSuite() is deprecated and will be removed in Python 3.13. "
               "Please use unittest.TestLoader.loadTestsFromTestCase() instead.",
               DeprecationWarning, 2)
    return _makeLoader(prefix, sortUsing, suiteClass).loadTestsFromTestCase(testCaseClass)


def findTestCases(module, prefix='test', sortUsing=util.three_way_cmp,
                  suiteClass=suite.TestSuite):
    case._warn("unittest.findTestCases() is deprecated and will be removed in Python 3.13. "
               "Please use unittest.TestLoader.loadTestsFromModule() instead.",
               DeprecationWarning, 2)
    return _makeLoader(prefix, sortUsing, suiteClass).loadTestsFromModule(module)
