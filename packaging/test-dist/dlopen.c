/* test-dist's check for the musl JNI library, which no JVM here can load:
 * each argument, a shared library, loads under musl's dynamic loader with
 * every symbol bound at once (RTLD_NOW). */
#include <dlfcn.h>
#include <stdio.h>

int main(int argc, char **argv) {
  for (int i = 1; i < argc; i++) {
    if (!dlopen(argv[i], RTLD_NOW)) {
      fprintf(stderr, "%s\n", dlerror());
      return 1;
    }
    printf("loads on musl: %s\n", argv[i]);
  }
  return argc > 1 ? 0 : 2;
}
