#ifndef MAESTRO_TOPO_CFILES_H
#define MAESTRO_TOPO_CFILES_H

/// renameat2(dirfd, a, dirfd, b, RENAME_EXCHANGE): swaps two entries of one
/// folder in one step. Returns 0 on success, -1 with errno set otherwise
/// (EINVAL where the file system cannot exchange).
int maestro_exchange_at(int dirfd, const char *a, const char *b);

/// renameat2(dirfd, from, dirfd, to, RENAME_NOREPLACE): -1 with errno
/// EEXIST when `to` exists, EINVAL where the file system cannot promise it.
int maestro_rename_noreplace_at(int dirfd, const char *from, const char *to);

/// 1 when the disposition of `signal_number` is SIG_IGN, else 0. Swift does
/// not import SIG_IGN (a cast in a macro) nor the sa_handler union member.
int maestro_signal_is_ignored(int signal_number);

/// syncfs(fd): writes out everything of the file system that holds `fd`,
/// in one call instead of one fsync per file. 0, or -1 with errno set.
int maestro_syncfs(int fd);

#endif
