class AsyncTask:
    def __await__(self):
        return iter([])
