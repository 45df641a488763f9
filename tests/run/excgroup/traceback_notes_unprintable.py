# Notes whose str() or repr() fails, in groups and SyntaxErrors, both printers.
import traceback, sys
class BadThing:
    def __str__(self): return 'bad str'
    def __repr__(self): return 'bad repr'
class Unprintable:
    def __repr__(self): raise ValueError('bad value')
def rep(e):
    print(repr(''.join(traceback.format_exception(e))))
e = ValueError(123)
for notes in (BadThing(), Unprintable(), [BadThing(), 'Final Note'], [Unprintable(), 'Final Note']):
    e.__notes__ = notes
    rep(e)
    rep(ExceptionGroup("g", [e]))
for e in [ValueError(42), SyntaxError('bad syntax')]:
    e.add_note('Note 1'); e.add_note('Note 2')
    rep(e)
    rep(ExceptionGroup("g", [e]))
which = "0"
e = ValueError(123)
e.__notes__ = [BadThing(), Unprintable(), 'Final Note', SyntaxError('x')] if which == "0" else Unprintable()
raise ExceptionGroup("top", [e, SyntaxError("bad syntax")])
