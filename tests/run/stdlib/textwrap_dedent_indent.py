# textwrap.dedent and textwrap.indent: common margins of spaces and tabs,
# blank and whitespace-only lines, predicates.
import textwrap

samples = [
    "    hello\n      world\n    !\n",
    "  a\n\n  b\n",
    "  a\n    \n  b",
    "\ta\n\tb\n",
    "\ta\n    b\n",
    "  \tx\n  \ty\n",
    "  \tx\n   y\n",
    "no margin\n  here\n",
    "   only\n",
    "    \n  \t \n",
    "",
    "  x\r\n  y\r\n",
    "     a\n   b\n        c",
]
for s in samples:
    print(repr(textwrap.dedent(s)))
print(textwrap.dedent('''\
        def f():
            return 1
        '''))
print(repr(textwrap.indent("a\nb\n\nc\n", "> ")))
print(repr(textwrap.indent("a\n  \nb", "+ ")))
print(repr(textwrap.indent("a\r\nb\rc", "- ")))
print(repr(textwrap.indent("a\n\nb", "* ", lambda line: True)))
print(repr(textwrap.indent("one\ntwo\nthree", "# ", lambda line: 't' in line)))
print(repr(textwrap.indent("", "x")))
