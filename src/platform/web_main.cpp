// The browser client's entry point: creates the WebGL2 context and ImGui, wires the web layer
// (canvas size and pixel ratio, pointer, keyboard, clipboard, fetch) and draws a frame only when
// something changed.
#include "client/app.h"
#include "client/routes.h"
#include "client/screen_snapshots.h"
#include "platform/accessibility.h"
#include "platform/automation.h"
#include "platform/browser.h"
#include "platform/canvas.h"
#include "platform/clipboard.h"
#include "platform/embed_host.h"
#include "platform/fetch_transport.h"
#include "platform/frame_scheduler.h"
#include "platform/gl_state_cache.h"
#include "platform/history.h"
#include "platform/interface_language.h"
#include "platform/keyboard_input.h"
#include "platform/local_storage.h"
#include "platform/open_url.h"
#include "platform/page_links.h"
#include "platform/page_text.h"
#include "platform/page_zoom.h"
#include "platform/pointer_input.h"
#include "platform/test_page.h"
#include "platform/text_field_bridge.h"
#include "ui/animation.h"
#include "ui/focus.h"
#include "ui/fonts.h"
#include "ui/root_view.h"
#include "ui/text.h"
#include "ui/theme.h"
#include "ui/touch_targets.h"
#include "ui/widget_registry.h"

#include <GLES3/gl3.h>
#include <GLFW/glfw3.h>
#include <cstdio>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>
#include <memory>

namespace {

using namespace orchard;

struct WebClient {
    platform::FetchTransport transport;
    platform::LocalStorage storage;
    client::ApiClient api{transport};
    client::App app;
    ui::ViewState view; // what the views keep between frames
    GLFWwindow* window = nullptr;
    std::string origin;
    double fonts_dpr = 0;        // the pixel ratio the font atlas was built for (zoom included)
    double dpr = 1;              // the device's own pixel ratio
    bool renderer_ready = false; // ImGui's GL objects exist (after the first NewFrame)
    client::Theme applied_theme = client::Theme::Light;
    bool theme_applied = false;
    bool ready = false;
    double started_at = platform::now_seconds();

    explicit WebClient(client::Theme theme)
        : app(api, storage,
              {.theme = theme,
               .browser_lang = platform::browser_language(),
               .browser_languages = platform::browser_languages(),
               .url_language = platform::url_parameter("lang"),
               .url_kiosk_event = platform::url_parameter("kiosk"),
               .seed = platform::random_seed(),
               .embed = platform::embed_options()}) {}
};

std::unique_ptr<WebClient> g_client;

void rebuild_fonts_if_needed(WebClient& c, double dpr) {
    if (dpr == c.fonts_dpr) return;
    c.fonts_dpr = dpr;
    ui::Fonts fonts;
    ui::build_fonts(static_cast<float>(dpr), fonts);
    if (c.renderer_ready) {
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
    }
}

// Whether a person did anything this frame: a kiosk visit goes on while they do.
bool input_arrived(const ImGuiIO& io) {
    static ImVec2 last_mouse(-1, -1);
    bool any = io.MouseWheel != 0 || io.MouseWheelH != 0 || io.InputQueueCharacters.Size > 0 ||
               io.MousePos.x != last_mouse.x || io.MousePos.y != last_mouse.y;
    last_mouse = io.MousePos;
    for (const bool down : io.MouseDown)
        any = any || down;
    for (const bool down : io.KeysDown)
        any = any || down;
    return any;
}

void frame() {
    WebClient& c = *g_client;
    const double now = platform::now_seconds();
    c.app.tick(now);
    // The first frame waits (under the page's loading screen) for the interface language's
    // catalog, a few kilobytes, for up to 5 s; a later change of language redraws once it is in.
    constexpr double kCatalogWaitSeconds = 5;
    if (!platform::apply_interface_language(c.app.state().interface_language) && !c.ready &&
        now - c.started_at < kCatalogWaitSeconds) {
        platform::wake_up_at(c.started_at + kCatalogWaitSeconds, platform::request_frame);
        return;
    }

    const platform::CanvasMetrics canvas = platform::sync_canvas();
    // The interface's scale (platform/page_zoom.h): ImGui's pixels are `zoom` CSS pixels wide.
    if (const auto pinched = platform::pinch_scale(c.app.state().ui_scale))
        if (client::nearest_ui_scale(*pinched) != c.app.state().ui_scale)
            c.app.set_ui_scale(*pinched);
    const double zoom = c.app.state().ui_scale;
    platform::set_page_zoom(zoom);
    c.dpr = canvas.dpr;
    const float dpr = static_cast<float>(canvas.dpr * zoom);
    const float width = static_cast<float>(canvas.css_width / zoom);
    const float height = static_cast<float>(canvas.css_height / zoom);
    rebuild_fonts_if_needed(c, dpr);
    if (!c.theme_applied || c.applied_theme != c.app.state().theme) {
        ui::apply_theme(c.app.state().theme);
        c.applied_theme = c.app.state().theme;
        c.theme_applied = true;
    }

    ImGui_ImplOpenGL3_NewFrame();
    c.renderer_ready = true;
    ImGui_ImplGlfw_NewFrame();
    // The web layer's truths replace what emscripten's GLFW reported.
    ImGuiIO& io = ImGui::GetIO();
    // Two frames can be drawn within one tick of the browser's coarsened clock (a frame asked for
    // at once, as when the page is being hidden, right after a scheduled one): the GLFW backend
    // then reports no time passed, which ImGui refuses (and its check stops the app).
    if (io.DeltaTime <= 0.0f) io.DeltaTime = 1e-4f;
    io.DisplaySize = ImVec2(width, height);
    io.DisplayFramebufferScale = ImVec2(dpr, dpr);
    platform::apply_pointer_input(ui::kBodyFontSize, height);
    platform::apply_keyboard_input();
    if (input_arrived(io)) c.app.note_activity(now);

    ImGui::NewFrame();
    ui::text::begin_frame(dpr);
    platform::apply_touch_scroll(now);
    ui::widgets().begin_frame();
    ui::begin_focus_frame();
    const bool test_page = platform::showing_test_page();
    if (test_page) {
        if (platform::draw_test_page()) c.app.toggle_theme();
    } else {
        ui::draw_root({c.app, c.view, now, c.origin});
    }
    ui::end_focus_frame();
    platform::end_text_field_frame();
    platform::end_page_text_frame(!test_page && ui::page_covered());
    ui::widgets().end_frame();
    ui::text::end_frame();
    platform::update_accessibility_layer();
    ImGui::Render();

    glViewport(0, 0, canvas.framebuffer_width, canvas.framebuffer_height);
    const ImVec4 background = ui::current_palette().background;
    glClearColor(background.x, background.y, background.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    platform::update_cursor_shape();
    const ui::TouchTarget target = ui::take_touch_target();
    platform::end_pointer_frame(target.dragged, target.has_menu);

    if (!test_page) platform::show_route(client::route_path(c.app.state()));
    platform::allow_leaving_links(c.app.state().kiosk.event.empty());
    if (c.app.state().embedded) {
        if (!c.ready) platform::tell_host({.type = "ready"});
        for (const auto& event : c.app.take_host_events())
            platform::tell_host(event);
        if (!test_page) platform::report_content_height(ui::content_height() * zoom);
    }
    const std::string leave_for = c.app.take_navigation();
    if (!leave_for.empty()) platform::navigate_to(leave_for);
    if (platform::pointer_wants_frames() || ui::take_animation_request()) platform::request_frame();
    if (auto wake = c.app.next_wakeup())
        platform::wake_up_at(*wake, platform::request_frame);
    else
        platform::cancel_wake_up();
    if (!c.ready) {
        c.ready = true;
        platform::hide_loading_screen();
    }
}

nlohmann::json automation_state() {
    const WebClient& c = *g_client;
    // The app's part is the client's (client/screen_snapshots.h); this adds what only the page
    // knows.
    nlohmann::json state = client::automation_snapshot(c.app.state());
    state["ready"] = c.ready;
    state["focused"] =
        ui::focused_widget().empty() ? nlohmann::json() : nlohmann::json(ui::focused_widget());
    state["device_pixel_ratio"] = c.dpr;
    state["ui_zoom"] = platform::page_zoom();
    return state;
}

// Everything that needs the app: made once the page's storage can be read.
void start_client(GLFWwindow* window) {
    g_client = std::make_unique<WebClient>(platform::prefers_dark_theme() ? client::Theme::Dark
                                                                          : client::Theme::Light);
    g_client->window = window;
    g_client->origin = platform::page_origin();

    // Our own input layer replaces GLFW's mouse and scroll handling; keys go through the backend.
    ImGui_ImplGlfw_InitForOpenGL(window, /*install_callbacks=*/false);
    ImGui_ImplOpenGL3_Init("#version 300 es");
    platform::install_keyboard_input(window);
    platform::install_pointer_input();
    platform::install_clipboard();
    platform::install_canvas_listeners();
    platform::set_automation_state(automation_state);
    platform::set_frame_function(frame);

    platform::install_history(
        [](const std::string& path) { g_client->app.follow_route(path, platform::now_seconds()); });
    client::StartupLinks links = platform::take_startup_links();
    links.route = platform::current_route();
    g_client->app.start(platform::now_seconds(), links);
    platform::request_frame();
}

} // namespace

int main() {
    platform::install_text_field_bridge(); // before glfwInit: its key listeners must come first
    if (!glfwInit()) {
        std::fprintf(stderr, "Orchard: GLFW failed to initialise\n");
        return 1;
    }
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    const platform::CanvasMetrics canvas = platform::sync_canvas();
    GLFWwindow* window =
        glfwCreateWindow(static_cast<int>(canvas.framebuffer_width),
                         static_cast<int>(canvas.framebuffer_height), "Orchard", nullptr, nullptr);
    if (!window) {
        std::fprintf(stderr, "Orchard: could not create a WebGL 2 context\n");
        return 1;
    }
    glfwMakeContextCurrent(window);
    platform::install_gl_state_cache(); // ImGui reads GL state back at every frame

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr; // layout is code, not a file
    // No ImGuiConfigFlags_NavEnableKeyboard: ui/focus.h gives the keyboard Tab, Enter and Space
    // like a web page, through the text fields too; ImGui's arrow-key navigation would be a
    // second, different focus.
    io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;
    io.ConfigInputTextCursorBlink = false; // a blinking caret would keep an idle page rendering

    // English first: the app's own words, and the fallback of every other language.
    platform::apply_interface_language("en");
    // In a frame whose own storage the browser denies, the host page keeps it (embed.js): the
    // app starts once that copy is in.
    platform::when_storage_ready(platform::embed_options().embedded,
                                 [window] { start_client(window); });
    return 0;
}
