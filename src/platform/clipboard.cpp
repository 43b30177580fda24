#include "platform/clipboard.h"

#include "platform/frame_scheduler.h"

#include <cstdlib>
#include <emscripten/emscripten.h>
#include <imgui.h>
#include <string>

namespace orchard::platform {

namespace {

std::string g_clipboard; // what ImGui gets on paste: the last text copied or pasted

// JavaScript: kept away from clang-format, which would split operators like !==.
// clang-format off
EM_JS(void, listen_for_paste, (), {
    window.addEventListener("paste", function(event) {
        const text = event.clipboardData ? event.clipboardData.getData("text/plain") : "";
        const bytes = lengthBytesUTF8(text) + 1;
        const pointer = _malloc(bytes);
        stringToUTF8(text, pointer, bytes);
        Module._orchard_clipboard_pasted(pointer);
        _free(pointer);
    });
});
// clang-format on

// JavaScript: kept away from clang-format, which would split operators like !==.
// clang-format off
EM_JS(void, write_browser_clipboard, (const char* text_pointer), {
    const text = UTF8ToString(text_pointer);
    function fallback() {
        const area = document.createElement("textarea");
        area.value = text;
        area.setAttribute("readonly", "");
        area.style.position = "fixed";
        area.style.opacity = "0";
        document.body.appendChild(area);
        area.select();
        try { document.execCommand("copy"); } catch (e) {}
        area.remove();
        Module["canvas"].focus();
    }
    if (navigator.clipboard && navigator.clipboard.writeText)
        navigator.clipboard.writeText(text).catch(fallback);
    else
        fallback();
});
// clang-format on

void set_clipboard_text(void*, const char* text) {
    g_clipboard = text ? text : "";
    write_browser_clipboard(g_clipboard.c_str());
}

const char* get_clipboard_text(void*) {
    return g_clipboard.c_str();
}

} // namespace

void install_clipboard() {
    ImGuiIO& io = ImGui::GetIO();
    io.SetClipboardTextFn = set_clipboard_text;
    io.GetClipboardTextFn = get_clipboard_text;
    io.ClipboardUserData = nullptr;
    listen_for_paste();
}

// Called by the page's paste listener, before the frame that handles Ctrl/Cmd+V.
extern "C" EMSCRIPTEN_KEEPALIVE void orchard_clipboard_pasted(const char* text) {
    g_clipboard = text ? text : "";
    request_frame();
}

} // namespace orchard::platform
