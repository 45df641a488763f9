def f(a: (await x), b=(yield)):
    pass
