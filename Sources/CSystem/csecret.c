// What Swift cannot call itself for keeping a password out of core files:
// prctl is variadic, and a plain memset before free is a dead store the
// optimiser may remove, which explicit_bzero promises not to be.
#define _GNU_SOURCE
#include <string.h>
#include <sys/prctl.h>
#include "csecret.h"

int maestro_set_dumpable(int on) {
    return prctl(PR_SET_DUMPABLE, on ? 1 : 0, 0, 0, 0);
}

int maestro_dumpable(void) {
    return prctl(PR_GET_DUMPABLE, 0, 0, 0, 0);
}

void maestro_wipe(void *bytes, size_t count) {
    if (bytes != NULL && count > 0) explicit_bzero(bytes, count);
}
