# Ctrl-C during time.sleep ends the sleep with KeyboardInterrupt at once.
import time

print("ready", flush=True)
try:
    time.sleep(60)
except KeyboardInterrupt:
    print("sleep interrupted")
print("again", flush=True)
time.sleep(0.01)
print("done")
