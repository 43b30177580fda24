// A build without the tests has no test pages (see test_page.h).
#include "platform/test_page.h"

namespace orchard::platform {

bool showing_test_page() {
    return false;
}

bool draw_test_page() {
    return false;
}

} // namespace orchard::platform
