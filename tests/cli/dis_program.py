def add_one(x):
    return x + 1

print(add_one(2))
