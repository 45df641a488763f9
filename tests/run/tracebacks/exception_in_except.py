def handler():
    try:
        raise KeyError("first")
    except KeyError as e:
        return e.missing_attribute
handler()
