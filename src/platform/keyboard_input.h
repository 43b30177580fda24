// Keys and typed characters reach ImGui through emscripten's GLFW and the stock ImGui GLFW
// backend's callbacks. Key changes are queued (platform/key_queue.h) and applied before each
// frame, one change per key per frame; each event also asks for a frame since nothing renders
// while idle.
#pragma once

struct GLFWwindow;

namespace orchard::platform {

void install_keyboard_input(GLFWwindow* window);
// Hands this frame's share of queued key changes to ImGui; call before ImGui::NewFrame.
void apply_keyboard_input();

} // namespace orchard::platform
