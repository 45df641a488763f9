import sys
print(sys.stdout, sys.stderr, sys.stdin)
print(sys.stdout.name, sys.stdout.mode, sys.stdout.encoding, sys.stdout.closed, sys.stdout.writable(), sys.stdin.readable())
print(type(sys.stdout).__name__, type(sys.stdout) is type(open(__file__)), sys.stdout is sys.__stdout__)
n = sys.stdout.write('hi\n')
print(n, sys.stdout.write('é\n'))
print('to err', file=sys.stderr)
sys.stderr.write('direct err\n')
sys.stdout.flush()
print('flushed', flush=True)
try:
    sys.stdout.write(b'x')
except TypeError as e:
    print(e)
try:
    sys.stdout.read()
except OSError as e:
    print('not readable' in str(e))
