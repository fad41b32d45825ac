// renameat2 is declared only with _GNU_SOURCE, which Swift's Glibc module
// does not set; a direct call (not a dlsym lookup) also works in the fully
// static release binary.
#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include "cfiles.h"

int maestro_exchange_at(int dirfd, const char *a, const char *b) {
    return renameat2(dirfd, a, dirfd, b, RENAME_EXCHANGE);
}

int maestro_rename_noreplace_at(int dirfd, const char *from, const char *to) {
    return renameat2(dirfd, from, dirfd, to, RENAME_NOREPLACE);
}

int maestro_syncfs(int fd) {
    return syncfs(fd);
}

int maestro_signal_is_ignored(int signal_number) {
    struct sigaction current;
    if (sigaction(signal_number, NULL, &current) != 0) return 0;
    return (current.sa_flags & SA_SIGINFO) == 0 && current.sa_handler == SIG_IGN;
}
