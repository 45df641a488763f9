# re: findall over a paragraph (one turn: words, numbers with groups, and a
# case-insensitive search over ~600 characters).
import re
import sys

TEXT = ("The quick brown fox jumps over the lazy dog 42 times; then 7 more foxes, "
        "aged 3 and 12, arrive at 10:45. ") * 6
WORDS = re.compile(r'\w+')
NUMS = re.compile(r'(\d+)(?::(\d+))?')
FOX = re.compile(r'fox(es)?', re.I)

def run(n):
    total = 0
    for i in range(n):
        total += len(WORDS.findall(TEXT))
        total += len(NUMS.findall(TEXT))
        total += len(FOX.findall(TEXT))
    return total

run(int(sys.argv[1]))
