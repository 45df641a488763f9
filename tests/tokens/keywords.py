from a import b as c
global x
while not x and y or z:
    try:
        raise E from None
    except E as e:
        del e
    finally:
        break
assert x is not None, "m"
with a as b: continue
x = True if False else None
