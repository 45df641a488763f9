# The interrupt lands inside a generator resumed by a for loop; the
# traceback lists the loop's line and the generator's frame.
def numbers():
    yield 0
    n = 0
    while True:
        n += 1
        if n == 100:
            print("ready", flush=True)


for x in numbers():
    pass
