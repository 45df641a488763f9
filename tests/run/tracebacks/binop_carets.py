def add(a, b):
    return a + b * 2
x = 1
add(x, "s")
