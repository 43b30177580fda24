#include "platform/keyboard_input.h"

#include "platform/frame_scheduler.h"

#include <GLFW/glfw3.h>
#include <imgui_impl_glfw.h>

namespace orchard::platform {

namespace {

void on_key(GLFWwindow* window, int key, int scancode, int action, int mods) {
    ImGui_ImplGlfw_KeyCallback(window, key, scancode, action, mods);
    request_frame();
}

void on_char(GLFWwindow* window, unsigned int codepoint) {
    ImGui_ImplGlfw_CharCallback(window, codepoint);
    request_frame();
}

} // namespace

void install_keyboard_input(GLFWwindow* window) {
    glfwSetKeyCallback(window, on_key);
    glfwSetCharCallback(window, on_char);
}

} // namespace orchard::platform
