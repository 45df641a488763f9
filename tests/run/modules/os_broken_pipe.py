# A write to a pipe whose reading end is closed raises BrokenPipeError
# (SIGPIPE is ignored, as CPython ignores it), and the program goes on.
import os
r, w = os.pipe()
os.close(r)
for attempt in range(2):
    try:
        os.write(w, b"x")
    except BrokenPipeError as e:
        print(type(e).__name__, e.errno, e.strerror)
print("still running")
