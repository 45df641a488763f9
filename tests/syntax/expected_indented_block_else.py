if x:
    pass
else:
z = 1
