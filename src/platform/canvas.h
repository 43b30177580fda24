// The canvas follows the page: its drawing buffer is its CSS size times the device pixel ratio,
// so text is sharp on every screen. ImGui works in CSS pixels with the ratio as framebuffer scale.
#pragma once

namespace orchard::platform {

struct CanvasMetrics {
    double css_width = 0, css_height = 0; // CSS pixels
    double dpr = 1;                       // device pixels per CSS pixel
    int framebuffer_width = 0, framebuffer_height = 0;
};

// Reads the canvas's CSS size and the device pixel ratio, resizes the drawing buffer when they
// changed, and returns the result.
CanvasMetrics sync_canvas();

// Asks for a frame when the window is resized or the pixel ratio changes (zoom, another monitor).
void install_canvas_listeners();

} // namespace orchard::platform
