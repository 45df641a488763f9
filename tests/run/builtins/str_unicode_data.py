# str methods over all of Unicode: full case mappings (ß -> SS, final
# sigma, titlecase letters), the is*() predicates and Unicode digits in
# int() and float(), as CPython 3.11 (Unicode 14.0) has them.
tests = ["Straße", "ǅungla", "İstanbul", "ﬁsh", "ΟΔΟΣ ΟΔΟΣ.", "Σ", "aΣ", "ΑΣ'", "hello ΣΑΣ world", "ŉ", "ǰ", "ΐ", "Ǆ", "ǉ", "Ὀδυσσεύς",
         "ẞ", "Tiếng Việt", "ǈ", "ﬀ", "ｆｕｌｌ", "ᾳ", "ᾼ", "ŊŋÞþĲĳ", "Ꭰꭰ", "ⓐⒶ", "𐐨𐐀", "ǲ", "'ΣΑ'", "Σ.", "A.Σ", "aΣ'b"]
for t in tests:
    print(t, "|", t.upper(), t.lower(), t.casefold(), t.title(), t.capitalize(), t.swapcase(), t.isupper(), t.islower(), t.istitle())
chars = "٣²½Ⅷ〇三\u00a0\u2028\u3000ªºµ\u0345ǅ\u0300a1_"
for c in chars:
    print(hex(ord(c)), c.isalpha(), c.isdigit(), c.isdecimal(), c.isnumeric(), c.isspace(), c.isalnum(), c.isprintable(), c.isupper(), c.islower(), c.isidentifier())
print(int("١٢٣"), int("٣"), float("١.٥"), repr("\u0378\u00ad\u200b\ue000a"))
for t in ["١٢٣", " ٣ ", "\u3000١٢\u2003", "١_٢", "٣x", "１２", "߀", "0x١٠", "𝟏𝟐", "١.٥", "-٢.٥e٣", "\u00a012"]:
    for f in (int, float):
        try:
            print(repr(t), f.__name__, f(t))
        except ValueError as e:
            print(repr(t), f.__name__, "ValueError", e)
print(int("١٠", 16), int("٠b١", 0) if False else 0)

# The ascii() conversion in every formatting path.
print(f"{'é'!a}", '%a' % 'é', '{!a}'.format('é'), ascii('é'), '%5a|' % 'x', '{!a:>8}'.format('ü'),
      ascii([1, 'ő', '𝄞']), '%-6a|' % 'ß')
