if len(items) = 3:
    pass
