# re: non-ASCII text (one turn: finditer with spans, a case-insensitive
# findall and a sub over ~400 characters of accented text).
import re
import sys

TEXT = "Ça été une journée très réussie à Zürich, où Ægir a mangé des crêpes. " * 6
WORD = re.compile(r'\w+')
ACC = re.compile(r'[éèêë]\w*', re.I)

def run(n):
    total = 0
    for i in range(n):
        for m in WORD.finditer(TEXT):
            total += m.end() - m.start()
        total += len(ACC.findall(TEXT))
        total += len(WORD.sub('x', TEXT))
    return total

run(int(sys.argv[1]))
