café = "été"
π = 3.14
print(café, π)  # ça
