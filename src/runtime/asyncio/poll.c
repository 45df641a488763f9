// The loop's poller and clock: file descriptors watched for a reader and a
// writer Handle (add_reader/add_writer), one poll() per iteration that has
// to wait, and the self-pipe that wakes a waiting loop (call_soon_threadsafe,
// signals). An iteration with something ready and no descriptor to watch
// makes no system call at all.
//
// A signal interrupts poll() (EINTR): the VM's signal check runs (Ctrl-C
// raises KeyboardInterrupt or calls the handler Python code installed,
// which may schedule callbacks), then the wait goes on for what is left
// of the timeout, unless that made something ready.
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "runtime/asyncio/aio.h"
#include "runtime/exc.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

double aio_monotonic(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

// ---- the self-pipe ----

static bool set_nonblocking(int fd) {
    int fl = fcntl(fd, F_GETFL);
    return fl >= 0 && fcntl(fd, F_SETFL, fl | O_NONBLOCK) == 0 && fcntl(fd, F_SETFD, FD_CLOEXEC) == 0;
}

bool aio_poll_open(Vm *vm, ObjLoop *l) {
    if (l->wake_fds[0] >= 0) return true;
    int p[2];
    if (pipe(p) != 0) return rt_raise_errno(vm, errno, VAL_NULL);
    if (!set_nonblocking(p[0]) || !set_nonblocking(p[1])) {
        int e = errno;
        close(p[0]);
        close(p[1]);
        return rt_raise_errno(vm, e, VAL_NULL);
    }
    l->wake_fds[0] = p[0];
    l->wake_fds[1] = p[1];
    return true;
}

void aio_poll_close(ObjLoop *l) {
    for (int i = 0; i < 2; i++) {
        if (l->wake_fds[i] >= 0) close(l->wake_fds[i]);
        l->wake_fds[i] = -1;
    }
}

bool aio_loop_write_to_self(ObjLoop *l) {
    if (l->wake_fds[1] < 0) return true;   // nothing waits on it yet
    ssize_t r = write(l->wake_fds[1], "\0", 1);
    (void)r;   // a full pipe wakes the loop just as well
    return true;
}

static void drain_self_pipe(ObjLoop *l) {
    char buf[256];
    while (read(l->wake_fds[0], buf, sizeof buf) > 0) {}
}

// ---- watched descriptors ----

bool aio_loop_has_user_fds(ObjLoop *l) { return l->nfds > 0; }

static FdWatch *find_fd(ObjLoop *l, int fd) {
    for (size_t i = 0; i < l->nfds; i++)
        if (l->fds[i].fd == fd) return &l->fds[i];
    return NULL;
}

static void drop_empty(ObjLoop *l, FdWatch *w) {
    if (w->reader || w->writer) return;
    *w = l->fds[--l->nfds];
}

// The fd of a file object: an int, or obj.fileno(), as selectors do.
static bool fileobj_fd(Vm *vm, Value obj, int *fd) {
    Value v = obj;
    if (!IS_ANYINT(v)) {
        Value m;
        int r = rt_getattr_opt(vm, obj, str_intern_cstr(vm, "fileno"), &m);
        if (r < 0) return false;
        if (!r || !rt_call0(vm, m, &v) || !IS_ANYINT(v)) {
            rt_exc_clear(vm);
            return rt_raise(vm, &ValueError_type, "Invalid file object: %R", obj);
        }
    }
    int64_t n;
    TRY(int_as_i64(vm, v, &n));
    if (n < 0) return rt_raise(vm, &ValueError_type, "Invalid file descriptor: %lld", (long long)n);
    *fd = (int)n;
    return true;
}

static bool add_watch(Vm *vm, Value *args, size_t nargs, Value kw, bool writer, const char *fname, Value *out) {
    ObjLoop *l = AS_LOOP(args[0]);
    TRY(rt_no_kwargs(vm, fname, kw));
    if (nargs < 3)
        return rt_raise(vm, &TypeError_type, "%s() missing required arguments: 'fd' and 'callback'", fname);
    if (l->closed) return rt_raise(vm, &RuntimeError_type, "Event loop is closed");
    int fd;
    TRY(fileobj_fd(vm, args[1], &fd));
    ObjTuple *cbargs = tuple_from(vm, args + 3, nargs - 3);
    TRY(cbargs);
    gc_push_root(vm, OBJ_VAL(cbargs));
    ObjHandle *h = aio_handle_new(vm, &aio_handle_type, args[2], OBJ_VAL(cbargs), args[0], VAL_NULL);
    gc_pop_root(vm);
    TRY(h);
    FdWatch *w = find_fd(l, fd);
    if (!w) {
        if (l->nfds == l->fcap) {
            size_t cap = l->fcap ? l->fcap * 2 : 8;
            gc_push_root(vm, OBJ_VAL(h));
            FdWatch *n = rt_realloc(vm, l->fds, l->fcap * sizeof *n, cap * sizeof *n);
            gc_pop_root(vm);
            if (!n) return false;
            l->fds = n;
            l->fcap = cap;
        }
        w = &l->fds[l->nfds++];
        *w = (FdWatch){fd, VAL_NULL, VAL_NULL};
    }
    Value *slot = writer ? &w->writer : &w->reader;
    if (*slot) AS_HANDLE(*slot)->cancelled = true;
    *slot = OBJ_VAL(h);
    *out = OBJ_VAL(h);
    return true;
}

static bool remove_watch(Vm *vm, Value *args, size_t nargs, Value kw, bool writer, const char *fname, Value *out) {
    ObjLoop *l = AS_LOOP(args[0]);
    TRY(rt_no_kwargs(vm, fname, kw));
    TRY(rt_check_nargs(vm, fname, nargs, 2, 2));
    *out = FALSE_VAL;
    if (l->closed) return true;
    int fd;
    TRY(fileobj_fd(vm, args[1], &fd));
    FdWatch *w = find_fd(l, fd);
    if (!w) return true;
    Value *slot = writer ? &w->writer : &w->reader;
    if (!*slot) return true;
    AS_HANDLE(*slot)->cancelled = true;
    *slot = VAL_NULL;
    drop_empty(l, w);
    *out = TRUE_VAL;
    return true;
}

bool aio_m_add_reader(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    return add_watch(vm, args, nargs, kw, false, "_add_reader", out);
}
bool aio_m_add_writer(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    return add_watch(vm, args, nargs, kw, true, "_add_writer", out);
}
bool aio_m_remove_reader(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    return remove_watch(vm, args, nargs, kw, false, "_remove_reader", out);
}
bool aio_m_remove_writer(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    return remove_watch(vm, args, nargs, kw, true, "_remove_writer", out);
}

// ---- waiting ----

// Moves the handles of the descriptors poll() found ready to the ready
// queue: readers before writers, descriptors in registration order. A
// cancelled reader is unregistered instead, as selector loops do.
static bool process_events(Vm *vm, ObjLoop *l, struct pollfd *p, size_t n) {
    for (size_t i = 0; i < n; i++) {
        if (!p[i].revents) continue;
        if (p[i].fd == l->wake_fds[0]) {
            drain_self_pipe(l);
            continue;
        }
        FdWatch *w = find_fd(l, p[i].fd);
        if (!w) continue;
        short rev = p[i].revents;
        if ((rev & (POLLIN | POLLHUP | POLLERR | POLLNVAL)) && w->reader) {
            ObjHandle *h = AS_HANDLE(w->reader);
            if (h->cancelled) w->reader = VAL_NULL;
            else TRY(aio_loop_push(vm, l, READY_HANDLE, w->reader, VAL_NULL, VAL_NULL));
        }
        if ((rev & (POLLOUT | POLLHUP | POLLERR | POLLNVAL)) && w->writer) {
            ObjHandle *h = AS_HANDLE(w->writer);
            if (h->cancelled) w->writer = VAL_NULL;
            else TRY(aio_loop_push(vm, l, READY_HANDLE, w->writer, VAL_NULL, VAL_NULL));
        }
        drop_empty(l, w);
    }
    return true;
}

bool aio_poll(Vm *vm, ObjLoop *l, double timeout) {
    // Nothing to watch and no need to wait: no system call.
    if (timeout == 0 && l->nfds == 0) return true;
    if (timeout != 0) TRY(aio_poll_open(vm, l));
    if (timeout != 0 && vm->hooks.before_wait) vm->hooks.before_wait(vm);
    size_t n = l->nfds + (l->wake_fds[0] >= 0);
    struct pollfd stack[16], *p = n <= 16 ? stack : malloc(n * sizeof *p);
    if (!p) return rt_raise_nomem(vm);
    size_t k = 0;
    for (size_t i = 0; i < l->nfds; i++) {
        short ev = (short)((l->fds[i].reader ? POLLIN : 0) | (l->fds[i].writer ? POLLOUT : 0));
        p[k++] = (struct pollfd){l->fds[i].fd, ev, 0};
    }
    if (l->wake_fds[0] >= 0) p[k++] = (struct pollfd){l->wake_fds[0], POLLIN, 0};
    double start = aio_monotonic(), left = timeout;
    bool ok = true;
    int r = 0;
    // While it may block, a signal must wake the wait even when it arrives
    // just before poll() starts: its handler writes to the self-pipe.
    int old_wakeup = -1;
    bool wakeup_set = timeout != 0 && vm->hooks.set_wakeup_fd;
    if (wakeup_set) {
        old_wakeup = vm->hooks.set_wakeup_fd(l->wake_fds[1]);
        if (vm->hooks.check_signals && !vm->hooks.check_signals(vm)) {
            vm->hooks.set_wakeup_fd(old_wakeup);
            if (p != stack) free(p);
            return false;
        }
        if (l->rlen || l->stopping) left = 0;
    }
    for (;;) {
        int ms = left < 0 ? -1 : (int)(left * 1000.0 + 0.999999);
        r = poll(p, k, ms);
        if (r >= 0) break;
        if (errno != EINTR) {
            ok = rt_raise_errno(vm, errno, VAL_NULL);
            break;
        }
        // A signal: its handler runs now (it may raise, or schedule work).
        if (vm->hooks.check_signals && !vm->hooks.check_signals(vm)) {
            ok = false;
            break;
        }
        if (l->rlen || l->stopping) {
            left = 0;
        } else if (left > 0) {
            left = timeout - (aio_monotonic() - start);
            if (left < 0) left = 0;
        }
    }
    if (wakeup_set) vm->hooks.set_wakeup_fd(old_wakeup);
    if (ok && r > 0) ok = process_events(vm, l, p, k);
    if (l->virtual_time && ok && timeout > 0) {
        // Real descriptors were watched: virtual time moved as real time did.
        double spent = aio_monotonic() - start;
        l->vclock += spent < timeout ? spent : timeout;
    }
    if (p != stack) free(p);
    return ok;
}
