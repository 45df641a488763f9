# Non-ASCII identifiers are NFKC-normalized (PEP 3131): different spellings
# name the same variable, attribute, argument or keyword.
ﬁ = 1                       # LATIN SMALL LIGATURE FI
print(fi)
ℌ = 2                        # BLACK-LETTER CAPITAL H
print(H)
ｘｙ = 3                      # fullwidth letters
print(xy)
µ = 4                        # MICRO SIGN is GREEK SMALL LETTER MU
print(μ)
été = 5                # e + COMBINING ACUTE ACCENT composes to é
print(été)
한글 = 6             # conjoining jamo compose to Hangul syllables
print(한글)
Ⅸ = 7                        # ROMAN NUMERAL NINE
print(IX)
ſ = 8                        # LATIN SMALL LETTER LONG S
print(s)
ẛ̣ = 9                  # long s with dot above + dot below
print(ṩ)


class Ｋ:
    ﬀ = 10

    def méthode(self, ａrg=11):
        return arg


k = K()
print(k.ff, getattr(K, "ff"), k.méthode(), k.méthode(arg=12))
print(sorted(n for n in globals() if not n.startswith("__")))
print(ascii(sorted(n for n in globals() if not n.startswith("__"))))
