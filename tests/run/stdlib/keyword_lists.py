# keyword: kwlist, softkwlist, iskeyword and issoftkeyword.
import keyword

print(keyword.kwlist)
print(keyword.softkwlist, keyword.__all__, len(keyword.kwlist))
print([w for w in ('if', 'match', 'case', '_', 'print', 'True', 'None', 'async', 'await', 'type', '')
       if keyword.iskeyword(w)])
print([w for w in ('if', 'match', 'case', '_', 'print', 'type') if keyword.issoftkeyword(w)])
print(keyword.kwlist == sorted(keyword.kwlist), all(w.isidentifier() for w in keyword.kwlist))
try:
    keyword.iskeyword([])
except TypeError as e:
    print(type(e).__name__, e)
for w in keyword.kwlist:
    try:
        compile(f'{w} = 1', '<kw>', 'exec')
    except SyntaxError:
        pass
    else:
        print('assignable keyword?', w)
print('done')
