try:
    pass
except* ValueError:
    pass
except ValueError:
pass
