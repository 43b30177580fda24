#include "platform/accessibility.h"

#include "platform/frame_scheduler.h"
#include "ui/focus.h"
#include "ui/widget_registry.h"

#include <emscripten/emscripten.h>
#include <nlohmann/json.hpp>
#include <string>

namespace orchard::platform {

namespace {

// The page side: one layer of the page's headings and controls in reading order (buttons, with
// the role of a link, tab or switch where the control is one), made again only when they
// changed, and two live regions that announce a notice (status) or a problem (alert) when it
// appears.
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
            if (!id || event.target.getAttribute("aria-disabled") === "true") return;
            const size = lengthBytesUTF8(id) + 1;
            const at = _malloc(size);
            stringToUTF8(id, at, size);
            _orchard_activate_control(at);
            _free(at);
        });
        /* Live regions exist before their first sentence, or screen readers miss it. */
        for (const kind of ["status", "alert"]) {
            const region = document.createElement("div");
            region.id = "orchard-" + kind;
            region.setAttribute("role", kind);
            region.setAttribute("aria-live", kind === "alert" ? "assertive" : "polite");
            region.style.cssText = "position:fixed;left:0;top:0;width:1px;height:1px;" +
                                   "overflow:hidden;opacity:0;pointer-events:none";
            document.body.appendChild(region);
        }
    }
    const text = UTF8ToString(json);
    if (layer.dataset.controls === text) return;
    layer.dataset.controls = text;
    const page = JSON.parse(text);
    for (const kind of ["status", "alert"]) {
        const region = document.getElementById("orchard-" + kind);
        const said = page[kind].join(" ");
        if (region.textContent !== said) region.textContent = said;
    }
    const items = page.items;
    const place = function(element, item) {
        element.style.cssText = "position:fixed;margin:0;padding:0;border:0;left:" + item.x +
                                "px;top:" + item.y + "px;width:" + item.w + "px;height:" +
                                item.h + "px";
    };
    const matches = function(element, item) {
        if (item.heading) {
            return element.tagName === "H" + item.heading && element.textContent === item.name;
        }
        return element.tagName === "BUTTON" && element.dataset.control === item.id &&
               element.textContent === item.name &&
               (element.getAttribute("role") || "button") === item.role &&
               (element.getAttribute("aria-disabled") === "true") === !!item.disabled &&
               (!item.state || element.getAttribute(item.state) === (item.on ? "true" : "false"));
    };
    /* The same items moved (a page scrolling): only their places change. */
    const same = items.length === layer.children.length &&
                 items.every(function(item, i) { return matches(layer.children[i], item); });
    if (same) {
        items.forEach(function(item, i) { place(layer.children[i], item); });
        return;
    }
    while (layer.firstChild) layer.removeChild(layer.firstChild);
    for (const item of items) {
        let element;
        if (item.heading) {
            element = document.createElement("h" + item.heading);
        } else {
            element = document.createElement("button");
            element.type = "button";
            element.tabIndex = -1;
            element.dataset.control = item.id;
            if (item.role !== "button") element.setAttribute("role", item.role);
            if (item.state) element.setAttribute(item.state, item.on ? "true" : "false");
            if (item.disabled) element.setAttribute("aria-disabled", "true");
        }
        element.textContent = item.name;
        place(element, item);
        layer.appendChild(element);
    }
});
// clang-format on

} // namespace

void update_accessibility_layer() {
    nlohmann::json items = nlohmann::json::array();
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
        if (r.disabled) control["disabled"] = true;
        items.push_back(std::move(control));
    }
    // Headings go before the first control below them, so that a screen reader's reading order
    // (and its list of headings) follows the page from the top.
    nlohmann::json status = nlohmann::json::array(), alert = nlohmann::json::array();
    for (const auto& landmark : ui::widgets().last_landmarks()) {
        using Kind = ui::PageLandmark::Kind;
        if (landmark.kind == Kind::Status) {
            status.push_back(landmark.text);
            continue;
        }
        if (landmark.kind == Kind::Alert) {
            alert.push_back(landmark.text);
            continue;
        }
        nlohmann::json heading = {{"heading", landmark.level}, {"name", landmark.text},
                                  {"x", landmark.x},           {"y", landmark.y},
                                  {"w", landmark.w},           {"h", landmark.h}};
        auto at = items.begin();
        while (at != items.end() && ((*at).contains("heading") ||
                                     (*at)["y"].get<float>() + 0.5f < landmark.y + landmark.h))
            ++at;
        items.insert(at, std::move(heading));
    }
    const nlohmann::json page = {{"items", items}, {"status", status}, {"alert", alert}};
    js_update_accessibility_layer(
        page.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
}

extern "C" EMSCRIPTEN_KEEPALIVE void orchard_activate_control(const char* id) {
    ui::activate_control(id);
    request_frame();
}

} // namespace orchard::platform
