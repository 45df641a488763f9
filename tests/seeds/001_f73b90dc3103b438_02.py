simple_print
simple_print('Hello')
