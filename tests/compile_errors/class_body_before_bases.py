class C(await x):
    return 1
