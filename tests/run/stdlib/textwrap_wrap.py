# textwrap.wrap/fill/shorten and TextWrapper's options: hyphen and em-dash
# splitting, long words, whitespace handling, indents, sentence endings,
# max_lines with its placeholder, and the errors.
import textwrap

text = ("The quick brown fox jumps over the lazy dog. Hello there -- you goof-ball, "
        "use the -b option! A well-known, state-of-the-art, up-to-date approach; "
        "supercalifragilisticexpialidocious words and pseudo-pseudo-science.")
for width in (10, 15, 25, 40, 70):
    print(width, textwrap.wrap(text, width))
print(textwrap.wrap(text, 20, break_on_hyphens=False))
print(textwrap.wrap(text, 12, break_long_words=False))
print(textwrap.wrap("a-b-c-d-e-f", 4), textwrap.wrap("--foo bar--baz x---y", 6))
print(textwrap.wrap("abcdefghijklmnopqrstuvwxyz", 7), textwrap.wrap("aaa-bbbbbbbbbbbbbb", 8))
print(textwrap.wrap("123-456 ab-12 x-y e-mail non-ASCII émigré-état", 5))
print(textwrap.fill(text, 30, initial_indent='* ', subsequent_indent='  '))
print(textwrap.wrap("  leading   and\ttrailing  \n lines  ", 10))
print(textwrap.wrap("  leading   and\ttrailing  \n lines  ", 10, drop_whitespace=False))
print(textwrap.wrap("tab\there\tand\tthere", 12, tabsize=4))
print(textwrap.wrap("tab\there", 30, expand_tabs=False), textwrap.wrap("a\nb\vc", 30, replace_whitespace=False))
print(textwrap.wrap("First sentence. Second one! Third? \"Quoted.\" Done.", 80, fix_sentence_endings=True))
print(textwrap.wrap("Mr. Smith went. Dr. Who", 80, fix_sentence_endings=True))
print(textwrap.wrap(text, 30, max_lines=3))
print(textwrap.wrap(text, 30, max_lines=2, placeholder='...'))
print(textwrap.wrap("short text", 30, max_lines=1), textwrap.wrap("one two three four five", 12, max_lines=2))
print(textwrap.wrap("word " * 10, 12, max_lines=1, placeholder=' ~'))
print(textwrap.shorten("Hello  world!   How are you?", 12), textwrap.shorten("Hello world", 11))
print(textwrap.shorten("Hello  world!", width=10, placeholder="..."), textwrap.shorten(text, 50))
print(textwrap.wrap(""), textwrap.wrap("   "), textwrap.fill("x"), textwrap.wrap("a b", 1))
w = textwrap.TextWrapper(width=20, initial_indent='>> ')
print(w.wrap(text[:60]), w.width, w.placeholder, w.tabsize)
for bad in [dict(width=0), dict(width=-1), dict(width=5, max_lines=1, placeholder=' [......]'),
            dict(width=5, max_lines=2, subsequent_indent='    ', placeholder='[..]')]:
    try:
        textwrap.wrap("some words here", **bad)
    except ValueError as e:
        print('ValueError', e)
