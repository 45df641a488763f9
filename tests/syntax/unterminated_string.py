print("start")
name = "world
print(name)
