# Edge cases of str splitting, stripping, partitioning, %-formatting and
# format specs, checked against CPython.
print("a,b,,c".split(","), "  a  b ".split(), "a b c".rsplit(None, 1), "x".split("x"))
print("abcabc".partition("b"), "abc".rpartition("z"), "a\nb\r\nc\rd".splitlines(True))
print("xxhixx".strip("x"), "  ".strip(), "abc".lstrip("ab"), "\u2003hi\u2003".strip())
print("%5.2f|%-6s|%03d|%x|%r|%c|%%" % (3.14159, "ab", 7, 255, "q", 65))
print("%(a)s-%(b)d" % {"a": 1, "b": 2})
try:
    print("%d" % "x")
except TypeError as e:
    print("TE", e)
try:
    print("%s %s" % (1,))
except TypeError as e:
    print("TE", e)
d = {1: 2, 3: 4}
print(d.keys() & {1, 5}, d.keys() | {9}, d.keys() - {1}, d.keys() ^ {3, 7}, d.items() & {(1, 2)})
try:
    object.__new__(object, 1)
except TypeError as e:
    print("TE", e)
class A:
    pass
try:
    A(1)
except TypeError as e:
    print("TE", e)
try:
    object.__new__(int)
except TypeError as e:
    print("TE", e)
print("a\tb".expandtabs(4), "abc".center(9, "*"), "1".zfill(4), "-1".zfill(4))
print("Hello World".swapcase(), "hello world".title(), "ß".upper(), "ǅ".lower())
print(" ".join(reversed("a b c".split())), "abc".find("c", -1), "abc".index("b", 0, 2))
print("{:>8}|{:^8}|{:<8}|{:08.3f}|{:,}|{:_x}|{!r:>6}".format("r", "c", "l", 3.14159, 1234567, 65535, "q"))
print(f"{12345.678:,.1f} {0.5:%} {1e20:g} {-0.0} {float('nan')} {2**0.5:.3e}")
