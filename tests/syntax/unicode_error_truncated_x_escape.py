s = 'abc\x4'
