#include <stddef.h>
#include <stdint.h>

// libFuzzer's entry point for programs that bring their own main (compiler-rt FuzzerInterface.h).
// SwiftPM links every executable with `--defsym main=<Module>_main`, so libFuzzer's own main is never
// used; each harness's @main calls this instead.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*UserCb)(const uint8_t *Data, size_t Size));
