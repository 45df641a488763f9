loop.run_until_complete(ProducerTask())
