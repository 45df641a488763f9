# Scenarios of CPython's test_traceback exception-group report tests, drawn
# by the traceback module and (for the one named on the command line) the hook.
import traceback, sys
EG = ExceptionGroup
def basic():
    raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
def cause():
    try:
        raise EG("eg1", [ValueError(1), TypeError(2)])
    except Exception as e:
        raise EG("eg2", [ValueError(3), TypeError(4)]) from e
def context_with_context():
    try:
        try:
            raise EG("eg1", [ValueError(1), TypeError(2)])
        except:
            raise EG("eg2", [ValueError(3), TypeError(4)])
    except:
        raise ImportError(5)
def nested():
    VE = ValueError
    TE = TypeError
    try:
        try:
            raise EG("nested", [TE(2), TE(3)])
        except Exception as e:
            exc = e
        raise EG("eg", [VE(1), exc, VE(4)])
    except:
        raise EG("top", [VE(5)])
def width():
    raise ExceptionGroup('eg', [ValueError(i) for i in range(1000)])
def depth():
    exc = TypeError('bad type')
    for i in range(1000):
        exc = ExceptionGroup(f'eg{i}', [ValueError(i), exc, ValueError(-i)])
    raise exc
def with_notes():
    try:
        excs = []
        for msg in ['bad value', 'terrible value']:
            try:
                raise ValueError(msg)
            except ValueError as e:
                e.add_note(f'the {msg}')
                e.add_note(f'Goodbye {msg}')
                excs.append(e)
        raise ExceptionGroup("nested", excs)
    except ExceptionGroup as e:
        e.add_note(('>> Multi line note\n'
                    '>> Because I am such\n'
                    '>> an important exception.\n'
                    '>> empty lines work too\n'
                    '\n'
                    '(that was an empty line)'))
        e.add_note('Goodbye!')
        raise
scen = [basic, cause, context_with_context, nested, width, depth, with_notes]
for f in scen:
    try:
        f()
    except BaseException as e:
        print("=====", f.__name__)
        print(''.join(traceback.format_exception(e)))
sys.stdout.flush()
with_notes()
