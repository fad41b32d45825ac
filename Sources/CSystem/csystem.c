// glibc declares renameat2 only with _GNU_SOURCE, and Swift's Glibc module
// does not import it. A direct call, unlike a dlsym lookup, also works in
// the fully static release binary.
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include "csystem.h"

int maestro_exchange_paths(const char *a, const char *b) {
    return renameat2(AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE);
}
