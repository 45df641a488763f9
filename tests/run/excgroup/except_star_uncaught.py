# What a try-except* re-raises and nobody catches: drawn by the default
# hook, exit status 1. Raised parts carry the clause's match as context.
def work():
    try:
        raise ExceptionGroup("work failed", [ValueError(1), TypeError(2), OSError(3)])
    except* ValueError as e:
        raise RuntimeError("could not recover") from e
    except* TypeError:
        raise KeyError("k")

print("start")
work()
