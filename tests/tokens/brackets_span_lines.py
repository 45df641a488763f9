values = [
    1,
    2,  # two
]
d = {"a": (1,
           2)}
call(a,
     b)
