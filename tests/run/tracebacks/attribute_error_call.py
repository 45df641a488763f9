class P:
    pass
p = P()
value = 3 + p.compute(1)
