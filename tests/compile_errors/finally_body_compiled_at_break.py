for i in x:
    try:
        break
        await a
    finally:
        return 1
