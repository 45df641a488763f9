class AppError(Exception):
    def __str__(self):
        return "custom str"
def go():
    raise AppError()
go()
