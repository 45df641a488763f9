try:
    f()
except* ValueError:
    pass
except* (TypeError, KeyError) as e:
    g(e)
else:
    h()
finally:
    i()

try:
    pass
except *OSError as err: x = 1

async def main():
    try:
        await work()
    except* Exception as group:
        for e in group.exceptions:
            print(e)
    finally:
        done()
