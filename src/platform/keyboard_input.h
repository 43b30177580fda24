// Keys and typed characters reach ImGui through emscripten's GLFW (the stock ImGui GLFW backend's
// callbacks), each one also asking for a frame since nothing renders while idle.
#pragma once

struct GLFWwindow;

namespace orchard::platform {

void install_keyboard_input(GLFWwindow* window);

} // namespace orchard::platform
