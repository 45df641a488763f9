# KeyboardInterrupt is an ordinary exception once raised: except, finally,
# and the program goes on and exits normally.
def spin():
    total = 0
    for i in range(10 ** 15):
        total += i
        if i == 100:
            print("ready", flush=True)
    return total


try:
    try:
        spin()
    finally:
        print("finally ran")
except KeyboardInterrupt as e:
    print("caught", type(e).__name__, e.args, isinstance(e, Exception), isinstance(e, BaseException))
print("after")
