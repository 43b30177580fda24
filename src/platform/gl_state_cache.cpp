#include "platform/gl_state_cache.h"

#include <emscripten/emscripten.h>

namespace orchard::platform {

namespace {

// Wraps the context's own setters and getParameter: each cached value is read from GL once (and
// again after a context loss, when GL starts over from its defaults), then follows the setters.
// JavaScript: kept away from clang-format, which would split operators like !==.
// clang-format off
EM_JS(void, js_install_gl_state_cache, (), {
    const gl = (typeof GLctx !== "undefined" && GLctx) || Module["ctx"];
    if (!gl || gl.orchardStateCache) return;
    gl.orchardStateCache = true;
    const query = gl.getParameter.bind(gl);
    const names = [gl.SCISSOR_BOX, gl.BLEND_SRC_RGB, gl.BLEND_DST_RGB, gl.BLEND_SRC_ALPHA,
                   gl.BLEND_DST_ALPHA, gl.BLEND_EQUATION_RGB, gl.BLEND_EQUATION_ALPHA];
    const cache = new Map();
    const load = function() { cache.clear(); names.forEach((name) => cache.set(name, query(name))); };
    load();
    Module["canvas"].addEventListener("webglcontextrestored", load);
    gl.getParameter = function(name) {
        if (!cache.has(name)) return query(name);
        const value = cache.get(name);
        return value instanceof Int32Array ? new Int32Array(value) : value;
    };
    const scissor = gl.scissor.bind(gl);
    gl.scissor = function(x, y, width, height) {
        scissor(x, y, width, height);
        /* A negative size is an error and changes nothing. */
        if (width >= 0 && height >= 0) cache.set(gl.SCISSOR_BOX, new Int32Array([x, y, width, height]));
    };
    const blendFuncSeparate = gl.blendFuncSeparate.bind(gl);
    gl.blendFuncSeparate = function(srcRgb, dstRgb, srcAlpha, dstAlpha) {
        blendFuncSeparate(srcRgb, dstRgb, srcAlpha, dstAlpha);
        cache.set(gl.BLEND_SRC_RGB, srcRgb);
        cache.set(gl.BLEND_DST_RGB, dstRgb);
        cache.set(gl.BLEND_SRC_ALPHA, srcAlpha);
        cache.set(gl.BLEND_DST_ALPHA, dstAlpha);
    };
    gl.blendFunc = function(src, dst) { gl.blendFuncSeparate(src, dst, src, dst); };
    const blendEquationSeparate = gl.blendEquationSeparate.bind(gl);
    gl.blendEquationSeparate = function(rgb, alpha) {
        blendEquationSeparate(rgb, alpha);
        cache.set(gl.BLEND_EQUATION_RGB, rgb);
        cache.set(gl.BLEND_EQUATION_ALPHA, alpha);
    };
    gl.blendEquation = function(mode) { gl.blendEquationSeparate(mode, mode); };
});
// clang-format on

} // namespace

void install_gl_state_cache() {
    js_install_gl_state_cache();
}

} // namespace orchard::platform
