/* berth volume helper: deletes everything inside the directory given as argv[1] (not the
 * directory itself), like `find DIR -mindepth 1 -delete`. Static, no libc, linux/amd64.
 * Exit codes: 0 done, 1 usage, 2 a path could not be opened or removed. */
typedef unsigned long u64;
typedef long i64;

static i64 sys3(i64 n, i64 a, i64 b, i64 c) {
  i64 r;
  __asm__ volatile("syscall" : "=a"(r) : "a"(n), "D"(a), "S"(b), "d"(c) : "rcx", "r11", "memory");
  return r;
}

#define SYS_close 3
#define SYS_lseek 8
#define SYS_exit 60
#define SYS_getdents64 217
#define SYS_openat 257
#define SYS_unlinkat 263
#define O_RDONLY_DIR_NOFOLLOW 0x30000 /* O_DIRECTORY | O_NOFOLLOW */
#define O_CLOEXEC 0x80000
#define AT_REMOVEDIR 0x200
#define EISDIR 21

struct dirent64 { u64 ino; i64 off; unsigned short reclen; unsigned char type; char name[]; };

static int is_dot(const char *n) { return n[0] == '.' && (n[1] == 0 || (n[1] == '.' && n[2] == 0)); }

/* Empties the directory open as fd; returns 0 on success. Recursion depth = tree depth. */
static int empty(int fd) {
  char buf[4096];
  int failed = 0;
  int removed = 1;
  while (removed) {
    /* Deleting while reading may skip entries: rewind and read again until a pass removes nothing. */
    removed = 0;
    sys3(SYS_lseek, fd, 0, 0);
    for (;;) {
    i64 n = sys3(SYS_getdents64, fd, (i64)buf, sizeof buf);
    if (n < 0) return 1;
    if (n == 0) break;
    for (i64 pos = 0; pos < n;) {
      struct dirent64 *d = (struct dirent64 *)(buf + pos);
      pos += d->reclen;
      if (is_dot(d->name)) continue;
      i64 r = sys3(SYS_unlinkat, fd, (i64)d->name, 0);
      if (r == -EISDIR || (r < 0 && d->type == 4)) {
        i64 sub = sys3(SYS_openat, fd, (i64)d->name, O_RDONLY_DIR_NOFOLLOW | O_CLOEXEC);
        if (sub < 0) { failed = 1; continue; }
        failed |= empty((int)sub);
        sys3(SYS_close, sub, 0, 0);
        r = sys3(SYS_unlinkat, fd, (i64)d->name, AT_REMOVEDIR);
      }
      if (r < 0) failed = 1; else removed = 1;
    }
    }
  }
  return failed;
}

void _start(void) __attribute__((noreturn, naked));
static void __attribute__((noreturn, used)) start_c(i64 *sp) {
  i64 argc = sp[0];
  char **argv = (char **)(sp + 1);
  int code = 1;
  if (argc == 2) {
    i64 fd = sys3(SYS_openat, -100 /* AT_FDCWD */, (i64)argv[1], O_RDONLY_DIR_NOFOLLOW | O_CLOEXEC);
    code = fd < 0 ? 2 : (empty((int)fd) ? 2 : 0);
  }
  for (;;) sys3(SYS_exit, code, 0, 0);
}
void _start(void) { __asm__ volatile("mov %rsp, %rdi\n and $-16, %rsp\n call start_c\n"); }
