import sys
print("a", "b", sep="-", end="!\n")
print("x", 1, None, sep="")
print()
print("to stderr", file=sys.stderr)
sys.stdout.write("written\n")
print("flushed", flush=True)
print(*[1, 2, 3])
