def f():
    print(counter)
    counter = 1
f()
