# while/for with break, continue and else; nested loops; pass.
i = 0
total = 0
while i < 10:
    i += 1
    if i == 3:
        continue
    if i == 8:
        break
    total += i
else:
    print("not reached")
print(i, total)
for x in [1, 2, 3]:
    pass
else:
    print("for else", x)
for a in [1, 2]:
    for b in "xy":
        if b == "y":
            break
        print(a, b)
n = 0
while True:
    n += 1
    if n > 4:
        break
print(n)
if n == 1:
    print("one")
elif n == 5:
    print("five")
else:
    print("other")
