# Notes follow the exception line, inside groups too, in both the default
# hook and the traceback module (which split multi-line notes differently).
import traceback, sys
leaf = ValueError("leaf")
leaf.add_note("a note")
leaf.add_note("two\nlines")
leaf.add_note("ends with a newline\n")
leaf.add_note("")
leaf.__notes__.append(42)
other = TypeError("odd notes")
other.__notes__ = "not a list"
third = KeyError("tuple notes")
third.__notes__ = ("t1", "t2")
eg = ExceptionGroup("with notes", [leaf, other, third])
eg.add_note("group note")
print(traceback.format_exception(eg))
traceback.print_exception(eg, file=sys.stdout)
plain = RuntimeError("plain")
plain.add_note("note of a plain exception")
print(traceback.format_exception_only(plain))
try:
    raise plain
except RuntimeError:
    traceback.print_exc(file=sys.stdout)
sys.stdout.flush()
raise eg
