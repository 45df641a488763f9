def ratio(a, b):
    return a / b
def report(pairs):
    return [ratio(a, b) for a, b in pairs]
print(report([(1, 2), (3, 0)]))
