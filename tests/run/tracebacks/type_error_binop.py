items = [1, 2, 3]
label = "count: " + len(items)
