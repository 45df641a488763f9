# util_ns has no __init__.py: a namespace package (PEP 420).
def shout(s):
    return s.upper() + "!"
