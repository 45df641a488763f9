print("shop.prices runs, __package__ =", __package__)
TABLE = {"tea": 3, "cake": 5}

def total(items):
    return sum(TABLE[i] for i in items)
