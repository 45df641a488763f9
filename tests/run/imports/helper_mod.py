print("helper imported", __name__)
VALUE = 42
def double(x):
    return x * 2
