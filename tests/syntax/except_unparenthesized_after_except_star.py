try:
    pass
except* ValueError:
    pass
except TypeError, KeyError:
    pass
