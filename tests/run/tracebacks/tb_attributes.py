# Walking a traceback by hand: tb_lineno and tb_next of each entry, from the
# outermost call to the raise site.
def inner():
    raise KeyError("k")

def middle():
    inner()

try:
    middle()
except KeyError as e:
    tb = e.__traceback__
    while tb is not None:
        print(tb.tb_lineno, tb.tb_next is None)
        tb = tb.tb_next
