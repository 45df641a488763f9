# __notes__ that are not lists of str: both printers str() each item of a
# sequence (a str is one), and repr() anything else, without a line end.
import traceback, sys
for notes in (5, b"ab", {"k": 1}, None, ["x", None], ["a\n", ""], "ab"):
    e = ValueError("v")
    e.__notes__ = notes
    traceback.print_exception(e, file=sys.stdout)
    print("|")
members = []
for notes in (5, b"ab", {"k": 1}, None, ["x", None], ["a\n", ""], "ab"):
    e = ValueError(repr(notes))
    e.__notes__ = notes
    members.append(e)
raise ExceptionGroup("g", members)
