# Ctrl-C in a busy loop: KeyboardInterrupt's traceback, then death by SIGINT.
# "ready" is printed from inside the loop, so the interrupt lands there.
def spin():
    n = 0
    while True:
        n += 1
        if n == 100:
            print("ready", flush=True)


spin()
