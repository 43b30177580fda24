#include "platform/keyboard_input.h"

#include "platform/frame_scheduler.h"
#include "platform/key_queue.h"

#include <GLFW/glfw3.h>
#include <imgui_impl_glfw.h>

namespace orchard::platform {

namespace {

GLFWwindow* g_window = nullptr;
KeyQueue g_keys;

void on_key(GLFWwindow*, int key, int scancode, int action, int mods) {
    g_keys.push({key, scancode, action, mods});
    request_frame();
}

void on_char(GLFWwindow* window, unsigned int codepoint) {
    ImGui_ImplGlfw_CharCallback(window, codepoint); // ImGui queues characters itself
    request_frame();
}

} // namespace

void install_keyboard_input(GLFWwindow* window) {
    g_window = window;
    glfwSetKeyCallback(window, on_key);
    glfwSetCharCallback(window, on_char);
}

void apply_keyboard_input() {
    for (const KeyEvent& event : g_keys.next_frame())
        ImGui_ImplGlfw_KeyCallback(g_window, event.key, event.scancode, event.action, event.mods);
    if (!g_keys.empty()) request_frame(); // the rest in the next frames
}

} // namespace orchard::platform
