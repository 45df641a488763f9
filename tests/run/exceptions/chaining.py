# __context__ and __cause__ set by raise inside except and raise ... from.
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("during")
except ValueError as e:
    print(type(e.__context__).__name__, e.__cause__, e.__suppress_context__)
try:
    try:
        {}["k"]
    except KeyError as k:
        raise TypeError("from") from k
except TypeError as e:
    print(type(e.__cause__).__name__, e.__suppress_context__)
try:
    raise ValueError("x") from None
except ValueError as e:
    print(e.__cause__, e.__suppress_context__)
try:
    raise 5
except TypeError as e:
    print(e)
try:
    try:
        pass
    except 5:
        pass
    raise KeyError
except KeyError:
    print("ok")
try:
    try:
        raise ValueError
    except "bad":
        pass
except TypeError as e:
    print(e)
