# Many variables and many copies: contexts stay independent and cheap.
from contextvars import Context, ContextVar, copy_context

vars_ = [ContextVar('v%d' % i, default=-1) for i in range(400)]
for i, v in enumerate(vars_):
    if i % 2 == 0:
        v.set(i)
base = copy_context()
print(len(base), sum(base.values()), vars_[0].get(), vars_[1].get())

snapshots = []


def mutate(step):
    for i in range(step, len(vars_), 7):
        vars_[i].set(i * 10)
    for i in range(0, len(vars_), 3):
        if i % 2 == 0:
            t = vars_[i].set('tmp')
            vars_[i].reset(t)
    return copy_context()


for step in range(5):
    snapshots.append(base.copy().run(mutate, step))
print([len(s) for s in snapshots])
print(len(base), sum(base.values()), base == copy_context())
for step, s in enumerate(snapshots):
    changed = sorted(int(k.name[1:]) for k in s if s[k] != base.get(k))
    print(step, len(changed), changed[:5], s == base)

# Deleting through reset brings a context back to what it was.
ctx = Context()


def set_all():
    return [v.set(i) for i, v in enumerate(vars_)]


tokens = ctx.run(set_all)
print(len(ctx))


def reset_all():
    for v, t in zip(reversed(vars_), reversed(tokens)):
        v.reset(t)


ctx.run(reset_all)
print(len(ctx), ctx == Context(), list(ctx))

# A chain of copies, each adding one variable.
c = Context()
chain = [c]
for v in vars_[:120]:
    c = c.copy()
    c.run(v.set, v.name)
    chain.append(c)
print([len(x) for x in chain[::20]], chain[100][vars_[99]], vars_[100] in chain[100])

# Tasks: one copy per task, thousands of them.
copies = [copy_context() for _ in range(3000)]
print(len(copies), all(len(x) == len(base) for x in copies[::100]))
