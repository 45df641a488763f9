// Unit tests of code objects as bytes (vm/marshal.c), the form the embedded
// library is frozen in: every kind of constant survives the trip, loaded
// code runs as the compiled code did, every lib/ module round-trips, and
// damaged bytes give SystemError, never a crash.
#include <criterion/criterion.h>
#include <criterion/redirect.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/gc.h"
#include "runtime/modules.h"
#include "runtime/type.h"
#include "util/buf.h"
#include "vm/marshal.h"
#include "vm/vm.h"

static Vm *vm;
static void setup(void) {
    vm = vm_new(0, NULL);
    cr_assert(vm);
}
static void teardown(void) { vm_free(vm); }

static ObjCode *compile(const char *text, const char *name) {
    Source src;
    Diag d;
    diag_init(&d);
    cr_assert(lx_source_from_string(&src, name, text, strlen(text), &d));
    ObjCode *co = vm_compile_module(vm, &src, name);
    lx_source_free(&src);
    cr_assert(co, "%s does not compile", name);
    return co;
}

// Dumps [co], loads it back and checks that the copy dumps to the same bytes.
// Returns the copy, unrooted.
static ObjCode *round_trip(ObjCode *co, Buf *bytes) {
    gc_push_root(vm, OBJ_VAL(co));
    buf_init(bytes);
    cr_assert(marshal_dump_code(vm, co, bytes));
    ObjCode *copy = marshal_load_code(vm, (const uint8_t *)bytes->data, bytes->len);
    cr_assert(copy, "load failed");
    gc_pop_root(vm);
    gc_push_root(vm, OBJ_VAL(copy));
    Buf again;
    buf_init(&again);
    cr_assert(marshal_dump_code(vm, copy, &again));
    cr_assert_eq(again.len, bytes->len);
    cr_assert(memcmp(again.data, bytes->data, bytes->len) == 0);
    buf_free(&again);
    gc_pop_root(vm);
    return copy;
}

static const char every_constant[] =
    "def f(a, /, b=2, *args, c, **kw):\n"
    "    x = 1\n"
    "    def g():\n"
    "        nonlocal x\n"
    "        x += 1\n"
    "        return x\n"
    "    return g() + a + b + c\n"
    "async def co():\n"
    "    try:\n"
    "        return [i * 2 for i in (1, 2, 3) if i in {1, 3}]\n"
    "    finally:\n"
    "        pass\n"
    "def gen():\n"
    "    yield from range(3)\n"
    "print(f(1, c=3), 2**100, -2**70, -5, 0.5, -0.0, 1e308 * 10, 'h\\u00e9llo \\U0001f600', b'\\x00\\xff')\n"
    "print((1, (2.5, 'x'), None, True, False, ...), frozenset({1, 'a'}) == frozenset({'a', 1}))\n"
    "c = co()\n"
    "try:\n"
    "    c.send(None)\n"
    "except StopIteration as e:\n"
    "    print(e.value, list(gen()), f.__code__.co_varnames, f.__qualname__, f.__defaults__)\n"
    "try:\n"
    "    1 / 0\n"
    "except ZeroDivisionError as e:\n"
    "    print('caught', e.__traceback__.tb_lineno)\n";

TestSuite(marshal);

Test(marshal, loaded_code_runs_as_compiled, .init = cr_redirect_stdout) {
    setup();
    ObjCode *co = compile(every_constant, "<consts>");
    gc_push_root(vm, OBJ_VAL(co));
    Buf bytes;
    ObjCode *copy = round_trip(co, &bytes);
    gc_push_root(vm, OBJ_VAL(copy));
    buf_free(&bytes);
    // Run both through exec() from a program that finds them in builtins.
    cr_assert(dict_set_cstr(vm, AS_DICT(vm->builtins), "ORIGINAL", OBJ_VAL(co)));
    cr_assert(dict_set_cstr(vm, AS_DICT(vm->builtins), "COPY", OBJ_VAL(copy)));
    gc_pop_root(vm);
    gc_pop_root(vm);
    const char *prog = "exec(ORIGINAL, {})\nexec(COPY, {})\n";
    Source src;
    Diag d;
    diag_init(&d);
    cr_assert(lx_source_from_string(&src, "<string>", prog, strlen(prog), &d));
    cr_assert_eq(vm_main_run(vm, &src, REPORT_STRING), 0);
    lx_source_free(&src);
    fflush(stdout);
    const char *once = "8 1267650600228229401496703205376 -1180591620717411303424 -5 0.5 -0.0 inf "
                       "h\xc3\xa9llo \xf0\x9f\x98\x80 b'\\x00\\xff'\n"
                       "(1, (2.5, 'x'), None, True, False, Ellipsis) True\n"
                       "[2, 6] [0, 1, 2] ('a', 'b', 'c', 'args', 'kw', 'g') f (2,)\n"
                       "caught 23\n";
    char expect[2048];
    snprintf(expect, sizeof expect, "%s%s", once, once);
    cr_assert_stdout_eq_str(expect);
    teardown();
}

Test(marshal, every_library_module_round_trips) {
    setup();
    for (size_t i = 0; i < rt_lib_module_count; i++) {
        char name[256];
        snprintf(name, sizeof name, "<frozen %s>", rt_lib_modules[i].name);
        Source src;
        Diag d;
        diag_init(&d);
        cr_assert(lx_source_from_string(&src, name, rt_lib_modules[i].source, rt_lib_modules[i].len, &d));
        ObjCode *co = vm_compile_module(vm, &src, name);
        lx_source_free(&src);
        cr_assert(co, "%s does not compile", name);
        Buf bytes;
        round_trip(co, &bytes);
        buf_free(&bytes);
    }
    teardown();
}

Test(marshal, damaged_bytes_raise_system_error) {
    setup();
    ObjCode *co = compile("def f(x):\n    return (x, 'ab', 1.5, 2**80)\nprint(f(1))\n", "<small>");
    gc_push_root(vm, OBJ_VAL(co));
    Buf bytes;
    buf_init(&bytes);
    cr_assert(marshal_dump_code(vm, co, &bytes));
    gc_pop_root(vm);
    // Every truncation fails cleanly.
    for (size_t n = 0; n < bytes.len; n++) {
        cr_assert_null(marshal_load_code(vm, (const uint8_t *)bytes.data, n), "truncated at %zu", n);
        cr_assert(vm->exc && rt_type(vm->exc) == &SystemError_type, "truncated at %zu", n);
        rt_exc_clear(vm);
    }
    // A byte more at the end is refused too.
    cr_assert(buf_putc(&bytes, 'N'));
    cr_assert_null(marshal_load_code(vm, (const uint8_t *)bytes.data, bytes.len));
    rt_exc_clear(vm);
    bytes.len--;
    // Each byte inverted in turn: the load either succeeds or raises; it
    // never reads outside the bytes or allocates what they cannot hold.
    for (size_t i = 0; i < bytes.len; i++) {
        bytes.data[i] ^= 0xff;
        ObjCode *c = marshal_load_code(vm, (const uint8_t *)bytes.data, bytes.len);
        if (!c) {
            cr_assert(vm->exc, "no exception for byte %zu", i);
            rt_exc_clear(vm);
        }
        bytes.data[i] ^= 0xff;
    }
    buf_free(&bytes);
    teardown();
}
