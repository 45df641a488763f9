# re: compiled patterns searched over log lines, groups read back (one turn:
# three searches, one match, five group reads).
import re
import sys

LINE = re.compile(r'(\d+-\d+-\d+) (\d+:\d+:\d+) \[(\w+)\] (?P<msg>.*)')
IP = re.compile(r'\b(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\b')
KEY = re.compile(r'user=(?P<user>\w+)')
LOGS = ['2024-01-0%d 12:34:5%d [INFO] request from 10.0.%d.7 user=alice%d took 12ms' % (i, i, i, i)
        for i in range(1, 8)]

def run(n):
    total = 0
    for i in range(n):
        s = LOGS[i % 7]
        m = LINE.match(s)
        total += len(m.group(3)) + len(m['msg'])
        ip = IP.search(s)
        total += int(ip.group(3))
        k = KEY.search(s)
        total += len(k.group('user')) + k.end()
        if IP.search('no address here') is None:
            total += 1
    return total

run(int(sys.argv[1]))
