#include "platform/browser_text.h"

#include <emscripten/emscripten.h>

namespace orchard::platform {

namespace {

// The page side. One 2D context measures, another draws; each image is its own texture, made
// from the canvas by texImage2D, which the browser copies on the GPU side. The images' origin is
// `left` pixels in, so that italics and marks that reach past the advance are not cut.
// JavaScript: kept away from clang-format, which would split operators like !==.
// clang-format off
EM_JS(void, js_browser_text_setup, (), {
    if (Module.orchardText) return;
    const text = { generation: 1 };
    text.measure = document.createElement("canvas").getContext("2d");
    text.canvas = document.createElement("canvas");
    text.draw = text.canvas.getContext("2d", { willReadFrequently: false });
    text.font = function(family, weight, italic, em) {
        return (italic ? "italic " : "") + weight + " " + em + "px " + family;
    };
    /* Images and widths made before a font arrived were made with a fallback: start over, and
       draw a frame to show the text in its own font. */
    text.bump = function() {
        text.generation++;
        if (Module["_orchard_request_frame"]) Module["_orchard_request_frame"]();
    };
    /* A slice of "Orchard Sans" (shell/index.html) is fetched when a text first needs it. */
    text.ensure = function(font, value) {
        if (!document.fonts || document.fonts.check(font, value)) return;
        document.fonts.load(font, value).then(text.bump, function() {});
    };
    if (document.fonts) document.fonts.addEventListener("loadingdone", text.bump);
    if (Module["canvas"]) Module["canvas"].addEventListener("webglcontextrestored", text.bump);
    Module.orchardText = text;
});

EM_JS(float, js_browser_text_width, (const char* family, int weight, int italic, float em,
                                     int rtl, const char* utf8, int length), {
    const text = Module.orchardText;
    text.measure.font = text.font(UTF8ToString(family), weight, italic, em);
    const value = UTF8ToString(utf8, length);
    text.ensure(text.measure.font, value);
    text.measure.direction = rtl ? "rtl" : "ltr";
    return text.measure.measureText(value).width;
});

EM_JS(unsigned, js_browser_text_image, (const char* family, int weight, int italic, float em,
                                        int rtl, const char* utf8, int length, unsigned rgba,
                                        float height, float baseline, float dpr, float* out), {
    const text = Module.orchardText;
    const gl = (typeof GLctx !== "undefined" && GLctx) || Module["ctx"];
    if (!gl) return 0;
    const value = UTF8ToString(utf8, length);
    const font = text.font(UTF8ToString(family), weight, italic, em);
    text.ensure(font, value);
    text.measure.font = font;
    text.measure.direction = rtl ? "rtl" : "ltr";
    const advance = text.measure.measureText(value).width;
    const pad = Math.ceil(em * 0.25);
    const widthCss = Math.ceil(advance) + 2 * pad;
    const canvas = text.canvas;
    canvas.width = Math.max(1, Math.ceil(widthCss * dpr));
    canvas.height = Math.max(1, Math.ceil(height * dpr));
    const ctx = text.draw;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, widthCss, height);
    ctx.font = font;
    ctx.direction = rtl ? "rtl" : "ltr";
    ctx.textAlign = "left";
    ctx.textBaseline = "alphabetic";
    ctx.fillStyle = "rgba(" + ((rgba >>> 24) & 255) + "," + ((rgba >>> 16) & 255) + "," +
                    ((rgba >>> 8) & 255) + "," + ((rgba & 255) / 255) + ")";
    ctx.fillText(value, pad, baseline);
    const texture = gl.createTexture();
    const id = GL.getNewId(GL.textures);
    texture.name = id;
    GL.textures[id] = texture;
    const previous = gl.getParameter(gl.TEXTURE_BINDING_2D);
    gl.bindTexture(gl.TEXTURE_2D, texture);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.LINEAR);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.LINEAR);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
    gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, gl.RGBA, gl.UNSIGNED_BYTE, canvas);
    gl.bindTexture(gl.TEXTURE_2D, previous);
    HEAPF32[out >> 2] = canvas.width / dpr;
    HEAPF32[(out >> 2) + 1] = canvas.height / dpr;
    HEAPF32[(out >> 2) + 2] = pad;
    return id;
});

EM_JS(void, js_release_browser_text_image, (unsigned id), {
    const gl = (typeof GLctx !== "undefined" && GLctx) || Module["ctx"];
    const texture = GL.textures[id];
    if (!texture) return;
    if (gl) gl.deleteTexture(texture);
    texture.name = 0;
    GL.textures[id] = null;
});

EM_JS(unsigned, js_browser_text_generation, (), {
    return Module.orchardText ? Module.orchardText.generation : 0;
});
// clang-format on

void setup() {
    static bool done = false;
    if (done) return;
    js_browser_text_setup();
    done = true;
}

} // namespace

float browser_text_width(const BrowserFont& font, std::string_view text) {
    setup();
    return js_browser_text_width(font.family, font.weight, font.italic ? 1 : 0, font.em,
                                 font.rtl ? 1 : 0, text.data(), static_cast<int>(text.size()));
}

BrowserTextImage browser_text_image(const BrowserFont& font, std::string_view text,
                                    std::uint32_t rgba, float height, float baseline, float dpr) {
    setup();
    float out[3] = {0, 0, 0};
    BrowserTextImage image;
    image.texture = js_browser_text_image(
        font.family, font.weight, font.italic ? 1 : 0, font.em, font.rtl ? 1 : 0, text.data(),
        static_cast<int>(text.size()), rgba, height, baseline, dpr, out);
    image.width = out[0];
    image.height = out[1];
    image.left = out[2];
    return image;
}

void release_browser_text_image(unsigned texture) {
    if (texture != 0) js_release_browser_text_image(texture);
}

unsigned browser_text_generation() {
    setup();
    return js_browser_text_generation();
}

} // namespace orchard::platform
