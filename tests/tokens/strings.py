a = 'x'
b = "y"
c = '''multi
line'''
d = r'\d+' + b'\x00' + rb'raw' + f'{a}'
e = """doc "quoted" """
f = 'it\'s'
