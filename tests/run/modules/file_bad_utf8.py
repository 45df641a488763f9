import os
name = 'tmp_file_bad_utf8.bin'
for data in (b'ok\xff', b'\xc3', b'a\xe2\x28\xa1', b'\xe9t\xe9'):
    with open(name, 'wb') as f:
        f.write(data)
    try:
        with open(name) as f:
            print(repr(f.read()))
    except UnicodeDecodeError as e:
        print('UnicodeDecodeError', e)
    with open(name, 'rb') as f:
        print(f.read())
os.remove(name)
