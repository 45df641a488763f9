x = 21
print("program ran")
