// Dear ImGui's own checks (IM_ASSERT) stay on in the release client. Without them a misuse such as
// popping a style that was never pushed reads past the end of a stack and corrupts memory, and
// the page breaks later somewhere else (the "Send report" crash of issue 14). With them the
// module stops at the misuse, the crash guard shows its message and the server's log names the
// check. Included by imgui.h through IMGUI_USER_CONFIG (cmake/client/CMakeLists.txt).
#pragma once

extern "C" [[noreturn]] void orchard_imgui_check_failed(const char* expression, const char* file,
                                                        int line);

#define IM_ASSERT(_EXPR)                                                                           \
    ((_EXPR) ? (void)0 : orchard_imgui_check_failed(#_EXPR, __FILE__, __LINE__))
