greeting = 'hello
