// ImGui's OpenGL backend reads the scissor box and the blend state back from GL at every frame to
// restore them afterwards. WebGL answers those reads only after the GPU process has run every
// command sent before, so each frame waited there for the previous frame to be drawn: with
// software GL, 50 to 150 ms of the main thread per frame. Orchard is the only user of its
// context, so the state it set itself is known: this answers those reads from what was set.
#pragma once

namespace orchard::platform {

// After the GL context was made current.
void install_gl_state_cache();

} // namespace orchard::platform
