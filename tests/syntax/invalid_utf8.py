x = 1
name = "ÿ"
