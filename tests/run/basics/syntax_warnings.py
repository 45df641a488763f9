# SyntaxWarnings are printed on stderr while the program compiles, before it
# runs, with the source line; a line warns once per message.
x = 1
if x is 1 or x is 1:
    print("is literal")
if x is not ():
    print("is not literal")
assert (x, "message")
print("the program runs")


def never_called():
    "text"()
    (1, 2)[1.5]
    5[0]
    (1, 2)[x]
    {1: 2}[x]
    return [1, 2]["a"]
