-c
x = "\xff"
