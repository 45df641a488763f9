print(end="", sep="", end="")
