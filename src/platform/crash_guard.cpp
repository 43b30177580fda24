// The WebAssembly side of the crash guard (shell/shell.js shows the message and reports it): a
// failed ImGui check names itself before stopping the module, and tests can trap the module on
// purpose to see the guard work.
#include "platform/imgui_checks.h"

#include <cstdlib>
#include <emscripten/emscripten.h>

namespace {

// JavaScript: kept away from clang-format, which would split operators like !==.
// clang-format off
EM_JS(void, note_crash_cause, (const char* expression, const char* file, int line), {
    window.orchardCrashCause = "ImGui check failed: " + UTF8ToString(expression) + " at " +
                               UTF8ToString(file).split("/").pop() + ":" + line;
});
// clang-format on

} // namespace

extern "C" void orchard_imgui_check_failed(const char* expression, const char* file, int line) {
    note_crash_cause(expression, file, line);
    std::abort();
}

// What a trap anywhere in the client does (an out-of-bounds access, a division by zero): the
// browser test of the crash guard calls it.
extern "C" EMSCRIPTEN_KEEPALIVE void orchard_trap_for_test() {
    __builtin_trap();
}
