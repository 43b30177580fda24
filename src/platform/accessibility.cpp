#include "platform/accessibility.h"

#include "platform/frame_scheduler.h"
#include "ui/focus.h"
#include "ui/widget_registry.h"

#include <emscripten/emscripten.h>
#include <nlohmann/json.hpp>
#include <string>

namespace orchard::platform {

namespace {

// The page side: one layer of buttons (with the role of a link, tab or switch where the control
// is one), made again only when the controls changed.
// JavaScript: kept away from clang-format, which would split operators like !==.
// clang-format off
EM_JS(void, js_update_accessibility_layer, (const char* json), {
    let layer = document.getElementById("orchard-controls");
    if (!layer) {
        layer = document.createElement("div");
        layer.id = "orchard-controls";
        layer.setAttribute("aria-label", "Orchard");
        layer.style.cssText = "position:fixed;left:0;top:0;width:0;height:0;overflow:visible;" +
                              "opacity:0;pointer-events:none;z-index:0";
        document.body.appendChild(layer);
        layer.addEventListener("click", function(event) {
            const id = event.target && event.target.dataset ? event.target.dataset.control : null;
            if (!id) return;
            const size = lengthBytesUTF8(id) + 1;
            const at = _malloc(size);
            stringToUTF8(id, at, size);
            _orchard_activate_control(at);
            _free(at);
        });
    }
    const text = UTF8ToString(json);
    if (layer.dataset.controls === text) return;
    layer.dataset.controls = text;
    const controls = JSON.parse(text);
    const place = function(button, control) {
        button.style.cssText = "position:fixed;margin:0;padding:0;border:0;left:" + control.x +
                               "px;top:" + control.y + "px;width:" + control.w + "px;height:" +
                               control.h + "px";
    };
    /* The same controls moved (a page scrolling): only their places change. */
    const same = controls.length === layer.children.length && controls.every(function(c, i) {
        const b = layer.children[i];
        return b.dataset.control === c.id && b.textContent === c.name &&
               (b.getAttribute("role") || "button") === c.role &&
               (!c.state || b.getAttribute(c.state) === (c.on ? "true" : "false"));
    });
    if (same) {
        controls.forEach(function(c, i) { place(layer.children[i], c); });
        return;
    }
    while (layer.firstChild) layer.removeChild(layer.firstChild);
    for (const control of controls) {
        const button = document.createElement("button");
        button.type = "button";
        button.tabIndex = -1;
        button.dataset.control = control.id;
        button.textContent = control.name;
        if (control.role !== "button") button.setAttribute("role", control.role);
        if (control.state) button.setAttribute(control.state, control.on ? "true" : "false");
        place(button, control);
        layer.appendChild(button);
    }
});
// clang-format on

} // namespace

void update_accessibility_layer() {
    nlohmann::json controls = nlohmann::json::array();
    const auto& rects = ui::widgets().last_frame();
    const auto& roles = ui::widgets().last_roles();
    for (const auto& id : ui::controls_in_order()) {
        const auto found = rects.find(id);
        if (found == rects.end()) continue;
        const auto& r = found->second;
        ui::WidgetRole role;
        role.name = r.text;
        if (const auto described = roles.find(id); described != roles.end())
            role = described->second;
        // A control without a name says nothing to a listener: left out.
        if (role.name.empty()) continue;
        nlohmann::json control = {{"id", id}, {"name", role.name}, {"role", role.role}, {"x", r.x},
                                  {"y", r.y}, {"w", r.w},          {"h", r.h}};
        if (!role.state.empty()) {
            control["state"] = role.state;
            control["on"] = role.on;
        }
        controls.push_back(std::move(control));
    }
    js_update_accessibility_layer(
        controls.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
}

extern "C" EMSCRIPTEN_KEEPALIVE void orchard_activate_control(const char* id) {
    ui::activate_control(id);
    request_frame();
}

} // namespace orchard::platform
