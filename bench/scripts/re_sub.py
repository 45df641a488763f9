# re: sub and split (one turn: a template substitution, a function
# substitution, a literal one and a split over ~300 characters).
import re
import sys

TEXT = "alpha=1, beta = 22,gamma=333 ,  delta= 4444; " * 6
PAIR = re.compile(r'(\w+)\s*=\s*(\d+)')
SEP = re.compile(r'\s*[,;]\s*')
SPACE = re.compile(r'\s+')

def double(m):
    return m.group(1).upper()

def run(n):
    total = 0
    for i in range(n):
        total += len(PAIR.sub(r'\2:\1', TEXT))
        total += len(PAIR.sub(double, TEXT))
        total += len(SPACE.sub(' ', TEXT))
        total += len(SEP.split(TEXT))
    return total

run(int(sys.argv[1]))
