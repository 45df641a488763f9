# The parts made by split() get the group's traceback, cause, context and a
# copy of its notes (non-sequence notes are not copied); their context is
# suppressed, as CPython's setting of the cause does.
def make():
    try:
        try:
            raise KeyError(0)
        except KeyError:
            raise ExceptionGroup("eg", [ValueError(1), TypeError(2)]) from OSError(3)
    except ExceptionGroup as g:
        return g
g = make()
g.add_note("note 1")
m, r = g.split(ValueError)
for part in (m, r):
    print(repr(part), repr(part.__cause__), repr(part.__context__), part.__suppress_context__)
    print(part.__traceback__ is g.__traceback__, part.__notes__, part.__notes__ is g.__notes__)
m.__notes__.append("only on the match")
print(g.__notes__, m.__notes__)
plain = ExceptionGroup("p", [ValueError(1), TypeError(2)])
plain.__context__ = KeyError(5)
m, r = plain.split(ValueError)
print(repr(m.__context__), m.__suppress_context__, m.__traceback__, plain.__suppress_context__)
plain.__notes__ = 7
print(hasattr(plain.split(ValueError)[0], "__notes__"))
plain.__notes__ = ("a", "b")
print(plain.split(ValueError)[0].__notes__)
leaf = plain.exceptions[0]
print(plain.split(ValueError)[0].exceptions[0] is leaf)
