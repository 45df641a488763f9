values = [1, 2]
print(lenn(values))
