#include "platform/test_page.h"

#include "platform/browser.h"
#include "ui/text_field_demo.h"

namespace orchard::platform {

bool showing_test_page() {
    static const bool text_field_demo = url_fragment() == "text-field-demo";
    return text_field_demo;
}

bool draw_test_page() {
    return ui::draw_text_field_demo();
}

} // namespace orchard::platform
