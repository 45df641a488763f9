class AsyncTask:
    def __await__(self):
        yield
