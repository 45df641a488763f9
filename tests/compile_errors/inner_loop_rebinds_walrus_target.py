def f():
    return [i for j in y if (i := j) for i in z]
