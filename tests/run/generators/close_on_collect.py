# Suspended generators are closed when collected or at exit: finally runs.
def worker(name):
    try:
        yield 1
        yield 2
    finally:
        print("cleanup", name)
a = worker("kept")
next(a)
print("end of program")
