class C:
    xs = [(y := x) for x in z]
