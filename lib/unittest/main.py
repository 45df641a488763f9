# unittest.main: TestProgram, alias main (CPython 3.11's): the command line
# of a test module (`python3 test_x.py -v`) and of `-m unittest` (module
# names, dotted test names, FILE.py paths, `discover`), then the run and
# the exit status.
#
# aiopy has no argparse: _Parser below parses the same options the way
# argparse does for them (abbreviated long options, -vq clusters, -kPAT,
# where positionals may come) and prints argparse's usage, help and error
# texts for them (argparse's layout at 80 columns, or $COLUMNS).

import sys
import os

from unittest import loader, runner
from unittest.signals import installHandler

__unittest = True

MAIN_EXAMPLES = """\
Examples:
  %(prog)s test_module               - run tests from test_module
  %(prog)s module.TestClass          - run tests from module.TestClass
  %(prog)s module.Class.test_method  - run specified test method
  %(prog)s path/to/test_file.py      - run tests from test_file.py
"""

MODULE_EXAMPLES = """\
Examples:
  %(prog)s                           - run default set of tests
  %(prog)s MyTestSuite               - run suite 'MyTestSuite'
  %(prog)s MyTestCase.testSomething  - run MyTestCase.testSomething
  %(prog)s MyTestCase                - run all 'test*' test methods
                                       in MyTestCase
"""


def _convert_name(name):
    # A path to a .py file names the module it holds (relative to the
    # working directory); anything else is a dotted name already.
    from unittest import _fs
    if _fs.isfile(name) and name.lower().endswith('.py'):
        if _fs.isabs(name):
            rel_path = _fs.relpath(name, os.getcwd())
            if _fs.isabs(rel_path) or rel_path.startswith('..'):
                return name
            name = rel_path
        return _fs.normpath(name)[:-3].replace('\\', '.').replace('/', '.')
    return name


def _convert_names(names):
    return [_convert_name(name) for name in names]


def _convert_select_pattern(pattern):
    if not '*' in pattern:
        pattern = '*%s*' % pattern
    return pattern


# ---- a small argparse ----

_SUPPRESS = '==SUPPRESS=='


class _Action:
    def __init__(self, options, dest, kind, help, const=None, convert=None,
                 nargs=None, default=None):
        self.options = options        # [] for a positional
        self.dest = dest
        self.kind = kind              # 'help', 'const', 'true', 'append', 'store'
        self.help = help
        self.const = const
        self.convert = convert
        self.nargs = nargs            # positionals: '*' or '?'
        self.default = default
        self.metavar = dest.upper() if options else dest

    def takes_value(self):
        return self.kind in ('append', 'store')

    def name(self):
        return '/'.join(self.options) if self.options else self.dest

    def usage_part(self):
        if not self.options:
            return '[%s ...]' % self.metavar if self.nargs == '*' else '[%s]' % self.metavar
        if self.takes_value():
            return '[%s %s]' % (self.options[0], self.metavar)
        return '[%s]' % self.options[0]

    def invocation(self):
        if not self.options:
            return self.metavar
        if self.takes_value():
            return ', '.join('%s %s' % (o, self.metavar) for o in self.options)
        return ', '.join(self.options)


class _ParseError(Exception):
    pass


def _wrap(text, width):
    # textwrap.wrap for plain words: as many as fit on each line.
    lines, line = [], ''
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = line + ' ' + word if line else word
    if line:
        lines.append(line)
    return lines


def _columns():
    environ = getattr(os, 'environ', None)
    try:
        return int(environ['COLUMNS']) if environ else 80
    except (KeyError, ValueError):
        return 80


class _Parser:
    def __init__(self, prog, actions, epilog=None, print_help=None):
        self.prog = prog
        self.actions = actions
        self.epilog = epilog
        self.print_help = print_help or self._print_own_help
        self.width = _columns() - 2

    # -- texts --

    def format_usage(self):
        shown = [a for a in self.actions if a.help is not _SUPPRESS]
        opt_parts = [a.usage_part() for a in shown if a.options]
        pos_parts = [a.usage_part() for a in shown if not a.options]
        prefix = 'usage: '
        prog = self.prog
        usage = ' '.join([prog] + opt_parts + pos_parts)
        text_width = self.width
        if len(prefix) + len(usage) > text_width:
            def get_lines(parts, indent, prefix=None):
                lines, line = [], []
                line_len = len(prefix) - 1 if prefix is not None else len(indent) - 1
                for part in parts:
                    if line_len + 1 + len(part) > text_width and line:
                        lines.append(indent + ' '.join(line))
                        line = []
                        line_len = len(indent) - 1
                    line.append(part)
                    line_len += len(part) + 1
                if line:
                    lines.append(indent + ' '.join(line))
                if prefix is not None:
                    lines[0] = lines[0][len(indent):]
                return lines
            if len(prefix) + len(prog) <= 0.75 * text_width:
                indent = ' ' * (len(prefix) + len(prog) + 1)
                if opt_parts:
                    lines = get_lines([prog] + opt_parts, indent, prefix)
                    lines.extend(get_lines(pos_parts, indent))
                elif pos_parts:
                    lines = get_lines([prog] + pos_parts, indent, prefix)
                else:
                    lines = [prog]
            else:
                indent = ' ' * len(prefix)
                parts = opt_parts + pos_parts
                lines = get_lines(parts, indent)
                if len(lines) > 1:
                    lines = []
                    lines.extend(get_lines(opt_parts, indent))
                    lines.extend(get_lines(pos_parts, indent))
                lines = [prog] + lines
            usage = '\n'.join(lines)
        return '%s%s\n' % (prefix, usage)

    def format_help(self):
        shown = [a for a in self.actions if a.help is not _SUPPRESS]
        max_len = max(len(a.invocation()) + 2 for a in shown)
        help_position = min(max_len + 2, min(24, max(self.width - 20, 4)))
        help_width = max(self.width - help_position, 11)
        action_width = help_position - 2 - 2
        out = [self.format_usage()]

        def section(title, actions):
            if not actions:
                return
            out.append('\n%s:\n' % title)
            for a in actions:
                inv = a.invocation()
                lines = _wrap(a.help, help_width)
                if len(inv) <= action_width:
                    out.append('  %-*s  %s\n' % (action_width, inv, lines[0]))
                else:
                    out.append('  %s\n%s%s\n' % (inv, ' ' * help_position, lines[0]))
                for line in lines[1:]:
                    out.append('%s%s\n' % (' ' * help_position, line))
        section('positional arguments', [a for a in shown if not a.options])
        section('options', [a for a in shown if a.options])
        if self.epilog:
            out.append('\n' + '\n'.join(_wrap(self.epilog, self.width)) + '\n')
        return ''.join(out)

    def _print_own_help(self):
        sys.stdout.write(self.format_help())

    def error(self, message):
        sys.stderr.write(self.format_usage())
        sys.stderr.write('%s: error: %s\n' % (self.prog, message))
        sys.exit(2)

    # -- parsing --

    def _find_option(self, arg):
        # (action, explicit value or None) for an option string, with
        # argparse's abbreviations of long options.
        for a in self.actions:
            if arg in a.options:
                return a, None
        if '=' in arg:
            opt, value = arg.split('=', 1)
            for a in self.actions:
                if opt in a.options:
                    return a, value
        if arg.startswith('--'):
            opt, sep, value = arg.partition('=')
            hits = [(a, o) for a in self.actions for o in a.options if o.startswith(opt)]
            if len(hits) == 1:
                return hits[0][0], (value if sep else None)
            if len(hits) > 1:
                self.error('ambiguous option: %s could match %s' %
                           (opt, ', '.join(o for a, o in hits)))
            return None, None
        if len(arg) > 2:
            for a in self.actions:
                if arg[:2] in a.options:
                    return a, arg[2:]
        return None, None

    def _is_option(self, arg):
        return arg.startswith('-') and arg != '-' and arg != '--'

    def parse_args(self, args, namespace):
        for a in self.actions:
            if a.default is not _SUPPRESS and not hasattr(namespace, a.dest):
                setattr(namespace, a.dest, a.default)
        positionals = [a for a in self.actions if not a.options]
        extras = []
        pos_strings = []
        pos_done = False
        i = 0
        only_positionals = False
        while i < len(args):
            arg = args[i]
            if only_positionals or not self._is_option(arg):
                if arg == '--' and not only_positionals:
                    only_positionals = True
                    i += 1
                    continue
                j = i
                while j < len(args) and (only_positionals or not self._is_option(args[j])) \
                        and not (args[j] == '--' and not only_positionals):
                    j += 1
                chunk = args[i:j]
                if pos_done:
                    extras.extend(chunk)
                else:
                    self._take_positionals(positionals, chunk, namespace, extras)
                    pos_done = True
                i = j
                continue
            i = self._take_option(args, i, namespace, extras)
        if not pos_done:
            self._take_positionals(positionals, [], namespace, extras)
        if extras:
            self.error('unrecognized arguments: %s' % ' '.join(extras))
        return namespace

    def _take_positionals(self, positionals, chunk, namespace, extras):
        rest = list(chunk)
        for a in positionals:
            if a.nargs == '*':
                setattr(namespace, a.dest, rest)
                rest = []
            elif rest:
                setattr(namespace, a.dest, rest.pop(0))
            elif a.default is not _SUPPRESS:
                setattr(namespace, a.dest, a.default)
        extras.extend(rest)

    def _take_option(self, args, i, namespace, extras):
        arg = args[i]
        action, explicit = self._find_option(arg)
        if action is None:
            extras.append(arg)
            return i + 1
        # Single-dash flags may be clustered: -vq, -vkPATTERN.
        while True:
            if action.takes_value():
                if explicit is not None:
                    value = explicit
                    i += 1
                elif i + 1 < len(args) and not self._is_option(args[i + 1]) and args[i + 1] != '--':
                    value = args[i + 1]
                    i += 2
                else:
                    self.error('argument %s: expected one argument' % action.name())
                self._apply(action, value, namespace)
                return i
            if explicit is not None and not arg.startswith('--'):
                self._apply(action, None, namespace)
                flag = '-' + explicit[0]
                nxt = [a for a in self.actions if flag in a.options]
                if not nxt:
                    self.error('argument %s: ignored explicit argument %r'
                               % (action.name(), explicit))
                action = nxt[0]
                explicit = explicit[1:] or None
                continue
            if explicit is not None:
                self.error('argument %s: ignored explicit argument %r' % (action.name(), explicit))
            self._apply(action, None, namespace)
            return i + 1

    def _apply(self, action, value, namespace):
        if action.kind == 'help':
            self.print_help()
            sys.exit(0)
        elif action.kind == 'const':
            setattr(namespace, action.dest, action.const)
        elif action.kind == 'true':
            setattr(namespace, action.dest, True)
        elif action.kind == 'append':
            items = list(getattr(namespace, action.dest, None) or [])
            items.append(action.convert(value) if action.convert else value)
            setattr(namespace, action.dest, items)
        else:
            setattr(namespace, action.dest, value)


class TestProgram(object):
    """A command-line program that runs a set of tests; this is primarily
       for making test modules conveniently executable.
    """
    module = None
    verbosity = 1
    failfast = catchbreak = buffer = progName = warnings = testNamePatterns = None
    _discovery_parser = None

    def __init__(self, module='__main__', defaultTest=None, argv=None,
                 testRunner=None, testLoader=loader.defaultTestLoader,
                 exit=True, verbosity=1, failfast=None, catchbreak=None,
                 buffer=None, warnings=None, *, tb_locals=False):
        if isinstance(module, str):
            self.module = __import__(module)
            for part in module.split('.')[1:]:
                self.module = getattr(self.module, part)
        else:
            self.module = module
        if argv is None:
            argv = sys.argv

        self.exit = exit
        self.failfast = failfast
        self.catchbreak = catchbreak
        self.verbosity = verbosity
        self.buffer = buffer
        self.tb_locals = tb_locals
        if warnings is None and not getattr(sys, 'warnoptions', None):
            # Deprecation warnings are shown during tests unless -W or
            # warnings= says otherwise.
            self.warnings = 'default'
        else:
            self.warnings = warnings
        self.defaultTest = defaultTest
        self.testRunner = testRunner
        self.testLoader = testLoader
        self.progName = argv[0][argv[0].rfind('/') + 1:]
        self.parseArgs(argv)
        self.runTests()

    def usageExit(self, msg=None):
        from unittest.case import _warn
        _warn("TestProgram.usageExit() is deprecated and will be"
              " removed in Python 3.13", DeprecationWarning)
        if msg:
            print(msg)
        if self._discovery_parser is None:
            self._initArgParsers()
        self._print_help()
        sys.exit(2)

    def _print_help(self, *args, **kwargs):
        if self.module is None:
            print(self._main_parser.format_help())
            print(MAIN_EXAMPLES % {'prog': self.progName})
            self._discovery_parser.print_help()
        else:
            print(self._main_parser.format_help())
            print(MODULE_EXAMPLES % {'prog': self.progName})

    def parseArgs(self, argv):
        self._initArgParsers()
        if self.module is None:
            if len(argv) > 1 and argv[1].lower() == 'discover':
                self._do_discovery(argv[2:])
                return
            self._main_parser.parse_args(argv[1:], self)
            if not self.tests:
                # `python -m unittest -v` discovers too.
                self._do_discovery([])
                return
        else:
            self._main_parser.parse_args(argv[1:], self)

        if self.tests:
            self.testNames = _convert_names(self.tests)
            if __name__ == '__main__':
                # python -m unittest ...
                self.module = None
        elif self.defaultTest is None:
            # createTests loads the tests of self.module.
            self.testNames = None
        elif isinstance(self.defaultTest, str):
            self.testNames = (self.defaultTest,)
        else:
            self.testNames = list(self.defaultTest)
        self.createTests()

    def createTests(self, from_discovery=False, Loader=None):
        if self.testNamePatterns:
            self.testLoader.testNamePatterns = self.testNamePatterns
        if from_discovery:
            loader = self.testLoader if Loader is None else Loader()
            self.test = loader.discover(self.start, self.pattern, self.top)
        elif self.testNames is None:
            self.test = self.testLoader.loadTestsFromModule(self.module)
        else:
            self.test = self.testLoader.loadTestsFromNames(self.testNames, self.module)

    def _initArgParsers(self):
        parent = self._getParentArgParser()
        self._main_parser = self._getMainArgParser(parent)
        self._discovery_parser = self._getDiscoveryArgParser(parent)

    def _getParentArgParser(self):
        actions = [
            _Action(['-h', '--help'], 'help', 'help', 'show this help message and exit',
                    default=_SUPPRESS),
            _Action(['-v', '--verbose'], 'verbosity', 'const', 'Verbose output', const=2),
            _Action(['-q', '--quiet'], 'verbosity', 'const', 'Quiet output', const=0),
            _Action(['--locals'], 'tb_locals', 'true', 'Show local variables in tracebacks',
                    default=False),
        ]
        if self.failfast is None:
            actions.append(_Action(['-f', '--failfast'], 'failfast', 'true',
                                   'Stop on first fail or error', default=False))
            self.failfast = False
        if self.catchbreak is None:
            actions.append(_Action(['-c', '--catch'], 'catchbreak', 'true',
                                   'Catch Ctrl-C and display results so far', default=False))
            self.catchbreak = False
        if self.buffer is None:
            actions.append(_Action(['-b', '--buffer'], 'buffer', 'true',
                                   'Buffer stdout and stderr during tests', default=False))
            self.buffer = False
        if self.testNamePatterns is None:
            actions.append(_Action(['-k'], 'testNamePatterns', 'append',
                                   'Only run tests which match the given substring',
                                   convert=_convert_select_pattern))
            self.testNamePatterns = []
        return actions

    def _getMainArgParser(self, parent):
        actions = parent + [
            _Action([], 'tests', 'store', 'a list of any number of test modules, '
                    'classes and test methods.', nargs='*'),
        ]
        return _Parser(self.progName, actions, print_help=self._print_help)

    def _getDiscoveryArgParser(self, parent):
        actions = parent + [
            _Action(['-s', '--start-directory'], 'start', 'store',
                    "Directory to start discovery ('.' default)"),
            _Action(['-p', '--pattern'], 'pattern', 'store',
                    "Pattern to match tests ('test*.py' default)"),
            _Action(['-t', '--top-level-directory'], 'top', 'store',
                    'Top level directory of project (defaults to start directory)'),
        ]
        for dest in ('start', 'pattern', 'top'):
            actions.append(_Action([], dest, 'store', _SUPPRESS, nargs='?', default=_SUPPRESS))
        epilog = ('For test discovery all test modules must be importable from '
                  'the top level directory of the project.')
        return _Parser('%s discover' % self.progName, actions, epilog=epilog)

    def _do_discovery(self, argv, Loader=None):
        self.start = '.'
        self.pattern = 'test*.py'
        self.top = None
        if argv is not None:
            if self._discovery_parser is None:
                self._initArgParsers()
            self._discovery_parser.parse_args(argv, self)
        self.createTests(from_discovery=True, Loader=Loader)

    def runTests(self):
        if self.catchbreak:
            installHandler()
        if self.testRunner is None:
            self.testRunner = runner.TextTestRunner
        if isinstance(self.testRunner, type):
            try:
                try:
                    testRunner = self.testRunner(verbosity=self.verbosity,
                                                 failfast=self.failfast,
                                                 buffer=self.buffer,
                                                 warnings=self.warnings,
                                                 tb_locals=self.tb_locals)
                except TypeError:
                    # No tb_locals argument.
                    testRunner = self.testRunner(verbosity=self.verbosity,
                                                 failfast=self.failfast,
                                                 buffer=self.buffer,
                                                 warnings=self.warnings)
            except TypeError:
                # No verbosity, buffer or failfast arguments either.
                testRunner = self.testRunner()
        else:
            # A TestRunner instance.
            testRunner = self.testRunner
        self.result = testRunner.run(self.test)
        if self.exit:
            sys.exit(not self.result.wasSuccessful())


main = TestProgram
