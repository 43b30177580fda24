// Pages for the browser tests, shown instead of the app when the URL fragment names one
// (#text-field-demo: tests/browser/text_field.test.mjs). Built only with the tests: a build
// without them links test_page_none.cpp instead, so nobody lands on a test page in production.
#pragma once

namespace orchard::platform {

// Whether this page load shows a test page; decided once, from the URL fragment at start.
bool showing_test_page();

// Draws the test page; returns true when its theme toggle was pressed.
bool draw_test_page();

} // namespace orchard::platform
