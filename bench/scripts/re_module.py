# re: the module-level functions on short strings, through the compile
# cache (one turn: match, search, fullmatch, sub, split, findall).
import re
import sys

def run(n):
    total = 0
    for i in range(n):
        s = 'item-%d' % i
        if re.match(r'item-(\d+)', s):
            total += 1
        if re.search(r'\d{3}', s):
            total += 1
        if re.fullmatch(r'[a-z]+-\d+', s):
            total += 1
        total += len(re.sub('-', '_', s))
        total += len(re.split(r'-', s))
        total += len(re.findall(r'\d', s))
    return total

run(int(sys.argv[1]))
