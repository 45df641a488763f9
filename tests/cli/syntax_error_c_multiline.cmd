-c
def f():\n    return (1 +\n            2]
