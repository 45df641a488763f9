for _ in ProducerTask().__await__():
    pass

