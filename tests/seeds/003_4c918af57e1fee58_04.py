class ProducerTask:
    def __await__(self):
        print('Hello')
        yield
        print('World!')
