# os.listdir and os.stat (what unittest discovery needs): names without
# '.' and '..', stat_result's fields and file types, and the errors.
import os

names = os.listdir('.')
print(type(names).__name__, 'os_listdir_stat.py' in names, '.' in names, '..' in names)
print(sorted(os.listdir()) == sorted(names))
print(all(isinstance(n, str) for n in names))

st = os.stat('os_listdir_stat.py')
with open('os_listdir_stat.py', 'rb') as f:
    size = len(f.read())
print(type(st).__name__, len(st), st.st_size == size, st[6] == size)
print((st.st_mode & 0o170000) == 0o100000, (os.stat('.').st_mode & 0o170000) == 0o040000)
print(type(st.st_mode).__name__, type(st.st_mtime).__name__, st.st_mtime > 0,
      st.st_nlink >= 1, st.st_ino > 0, st.st_mode == st[0])
try:
    st.st_size = 0
except AttributeError as e:
    print('AttributeError')

for call, arg in ((os.stat, 'no_such_file'), (os.listdir, 'no_such_dir'),
                  (os.listdir, 'os_listdir_stat.py')):
    try:
        call(arg)
    except OSError as e:
        print(type(e).__name__, e.errno, e.strerror, e.filename)
try:
    os.stat('a\0b')
except ValueError as e:
    print('ValueError:', e)
