// Where each interactive widget was drawn in the last frame, by a stable id, in CSS pixels.
// The automation hook (window.orchard.state()) publishes this so that tests and embedding hosts
// find where to click and then send real input events.
#pragma once

#include <imgui.h>
#include <map>
#include <string>
#include <vector>

namespace orchard::ui {

struct WidgetRect {
    float x = 0, y = 0, w = 0, h = 0;
    std::string text;      // what the widget says, where a test wants to read it
    bool disabled = false; // drawn greyed out (widgets.h's DisabledScope): it cannot be pressed
    float text_w = 0;      // what its label needs, where the widget sizes itself to a label
};

// A page's structure for assistive technology beside its controls: its headings, and sentences
// to announce when they appear (a notice as a status, a problem as an alert).
struct PageLandmark {
    enum class Kind { Heading, Status, Alert };
    Kind kind = Kind::Heading;
    int level = 1; // of a heading: 1 for the page's title, 2 for a section's
    std::string text;
    float x = 0, y = 0, w = 0, h = 0;
};

// What a control is to assistive technology (platform/accessibility.h), where it is more than a
// button named by its text: ARIA's role, its name, and its one state ("aria-checked" of a
// switch, "aria-selected" of a tab, "aria-pressed" of a toggle button) when it has one.
struct WidgetRole {
    std::string role = "button";
    std::string name;
    std::string state; // the ARIA attribute, or empty
    bool on = false;   // the state's value
};

class WidgetRegistry {
  public:
    void begin_frame() {
        current_.clear();
        current_numbers_.clear();
        current_roles_.clear();
        current_landmarks_.clear();
        disabled_depth_ = 0;
    }
    void end_frame() {
        last_ = std::move(current_);
        last_numbers_ = std::move(current_numbers_);
        last_roles_ = std::move(current_roles_);
        last_landmarks_ = std::move(current_landmarks_);
    }

    // Controls tracked between these are disabled (widgets.h's DisabledScope); scopes nest.
    void begin_disabled() { ++disabled_depth_; }
    void end_disabled() {
        if (disabled_depth_ > 0) --disabled_depth_;
    }

    // The last ImGui item is a heading, or a sentence to announce.
    void landmark(PageLandmark::Kind kind, std::string text, int level = 1);

    // Records the last ImGui item under `id`, clipped to what is visible; hidden items are left
    // out.
    void track(const std::string& id, std::string text = {});
    void track_rect(const std::string& id, ImVec2 min, ImVec2 max, std::string text = {});
    // The width the label of the widget `id` (tracked this frame) needs, padding included, so
    // that tests find labels cut off by a widget too narrow for them.
    void set_text_width(const std::string& id, float width);

    // The control `id` as assistive technology is to know it.
    void describe(const std::string& id, WidgetRole role) { current_roles_[id] = std::move(role); }

    // A value of the view that tests read, such as a scroll position.
    void set_number(const std::string& name, double value) { current_numbers_[name] = value; }

    const std::map<std::string, WidgetRect>& last_frame() const { return last_; }
    const std::map<std::string, double>& last_numbers() const { return last_numbers_; }
    const std::map<std::string, WidgetRole>& last_roles() const { return last_roles_; }
    const std::vector<PageLandmark>& last_landmarks() const { return last_landmarks_; }

  private:
    std::map<std::string, WidgetRect> current_;
    std::map<std::string, WidgetRect> last_;
    std::map<std::string, double> current_numbers_;
    std::map<std::string, double> last_numbers_;
    std::map<std::string, WidgetRole> current_roles_;
    std::map<std::string, WidgetRole> last_roles_;
    std::vector<PageLandmark> current_landmarks_;
    std::vector<PageLandmark> last_landmarks_;
    int disabled_depth_ = 0;
};

WidgetRegistry& widgets();

} // namespace orchard::ui
