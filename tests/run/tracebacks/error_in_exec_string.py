# An error raised by code from exec() names the "<string>" frame (no
# source line: there is no file); a SyntaxError in the text shows the
# offending line from the exception itself.
def run(src):
    try:
        exec(src)
    except ZeroDivisionError:
        import traceback
        traceback.print_exc()

run("a = 1\nb = a / 0")
eval("[1, 2,\n 3 +")
