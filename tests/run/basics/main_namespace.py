print(sorted(globals()))
print(__builtins__, __annotations__, __cached__)
x: int = 3
print(__annotations__)
print(len(dir(__builtins__)) > 100)
