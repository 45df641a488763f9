print("never printed")

def f():
    await x
