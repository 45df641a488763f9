def items():
    yield 1
    yield 1 / 0
for x in items():
    print(x)
