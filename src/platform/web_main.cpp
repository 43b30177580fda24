// The browser client's entry point: creates the WebGL2 context and ImGui, wires the web layer
// (canvas size and pixel ratio, pointer, keyboard, clipboard, fetch) and draws a frame only when
// something changed.
#include "client/app.h"
#include "client/routes.h"
#include "platform/automation.h"
#include "platform/browser.h"
#include "platform/canvas.h"
#include "platform/clipboard.h"
#include "platform/fetch_transport.h"
#include "platform/frame_scheduler.h"
#include "platform/gl_state_cache.h"
#include "platform/history.h"
#include "platform/keyboard_input.h"
#include "platform/local_storage.h"
#include "platform/page_links.h"
#include "platform/pointer_input.h"
#include "platform/test_page.h"
#include "platform/text_field_bridge.h"
#include "ui/animation.h"
#include "ui/drag_targets.h"
#include "ui/focus.h"
#include "ui/fonts.h"
#include "ui/root_view.h"
#include "ui/theme.h"
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
    GLFWwindow* window = nullptr;
    std::string origin;
    double fonts_dpr = 0;        // the pixel ratio the font atlas was built for
    bool renderer_ready = false; // ImGui's GL objects exist (after the first NewFrame)
    client::Theme applied_theme = client::Theme::Light;
    bool theme_applied = false;
    bool ready = false;

    explicit WebClient(client::Theme theme)
        : app(api, storage,
              {.theme = theme,
               .browser_lang = platform::browser_language(),
               .seed = platform::random_seed()}) {}
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

void frame() {
    WebClient& c = *g_client;
    const double now = platform::now_seconds();
    c.app.tick(now);

    const platform::CanvasMetrics canvas = platform::sync_canvas();
    rebuild_fonts_if_needed(c, canvas.dpr);
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
    io.DisplaySize =
        ImVec2(static_cast<float>(canvas.css_width), static_cast<float>(canvas.css_height));
    io.DisplayFramebufferScale =
        ImVec2(static_cast<float>(canvas.dpr), static_cast<float>(canvas.dpr));
    platform::apply_pointer_input(ui::kBodyFontSize, static_cast<float>(canvas.css_height));
    platform::apply_keyboard_input();

    ImGui::NewFrame();
    platform::apply_touch_scroll(now);
    ui::widgets().begin_frame();
    ui::begin_focus_frame();
    const bool test_page = platform::showing_test_page();
    if (test_page) {
        if (platform::draw_test_page()) c.app.toggle_theme();
    } else {
        ui::draw_root({c.app, now, c.origin});
    }
    ui::end_focus_frame();
    platform::end_text_field_frame();
    ui::widgets().end_frame();
    ImGui::Render();

    glViewport(0, 0, canvas.framebuffer_width, canvas.framebuffer_height);
    const ImVec4 background = ui::current_palette().background;
    glClearColor(background.x, background.y, background.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    platform::update_cursor_shape();
    platform::end_pointer_frame(ui::take_drag_target_hovered());

    if (!test_page) platform::show_route(client::route_path(c.app.state()));
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
    const auto& state = c.app.state();
    nlohmann::json task = nullptr;
    if (state.screen == client::Screen::Task) {
        const auto& t = state.task;
        task = {{"phase", client::to_string(t.phase)},
                {"kind", t.kind},
                {"reviewing", t.reviewing},
                {"completed", t.completed},
                {"problem", t.problem},
                {"notice", t.notice}};
        if (t.task) {
            task["id"] = t.task->id;
            task["type"] = protocol::to_string(t.task->type);
            task["mode"] = t.task->full_mode ? "full" : "simple";
            task["replies"] = t.task->reply_messages.size();
            task["order"] = t.ranking.order();
            task["text"] = t.draft.text;
        }
    }
    nlohmann::json rewards = nullptr;
    if (state.rewards.stats) {
        const auto& total = state.rewards.stats->total;
        rewards = {{"total", total.leader_score},
                   {"day", state.rewards.stats->day.leader_score},
                   {"level", total.level},
                   {"streak_days", total.streak_days}};
        if (state.rewards.last_earned) rewards["last_earned"] = *state.rewards.last_earned;
    }
    auto rows_json = [](const std::vector<protocol::UserScore>& rows) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& row : rows)
            out.push_back({{"rank", row.rank ? nlohmann::json(*row.rank) : nlohmann::json()},
                           {"user_id", row.user_id},
                           {"display_name", row.display_name},
                           {"score", row.leader_score},
                           {"highlighted", row.highlighted}});
        return out;
    };
    nlohmann::json leaderboard = nullptr;
    if (state.screen == client::Screen::Leaderboard) {
        const auto& b = state.leaderboard;
        leaderboard = {{"frame", protocol::to_string(b.frame)},
                       {"offset", b.offset},
                       {"around_me", b.around_me},
                       {"loading", b.loading},
                       {"problem", b.problem},
                       {"rows", b.page ? rows_json(b.page->rows) : nlohmann::json()},
                       {"total_count", b.page ? b.page->total_count : 0}};
    }
    nlohmann::json profile = nullptr;
    if (state.screen == client::Screen::Profile) {
        const auto& pr = state.profile;
        nlohmann::json ledger = nlohmann::json::array();
        for (const auto& entry : pr.ledger)
            ledger.push_back({{"kind", entry.kind}, {"points", entry.points}});
        profile = {{"loaded", pr.loaded},
                   {"problem", pr.problem},
                   {"ledger", ledger},
                   {"activity_days", pr.activity.size()}};
    }
    nlohmann::json dashboard_rewards = nullptr;
    if (state.screen == client::Screen::Dashboard)
        dashboard_rewards = {{"top_today", state.dashboard.top_today
                                               ? rows_json(state.dashboard.top_today->rows)
                                               : nlohmann::json()},
                             {"news", state.dashboard.news.size()}};
    nlohmann::json settings = nullptr;
    if (state.screen == client::Screen::Settings && state.account) {
        const auto& s = state.settings;
        settings = {{"busy", client::to_string(s.busy)},
                    {"outcome", client::to_string(s.outcome)},
                    {"notice", s.notice},
                    {"problem", s.problem},
                    {"display_name", state.account->display_name},
                    {"show_on_leaderboard", state.account->show_on_leaderboard},
                    {"guest", state.account->guest}};
    }
    return {{"ready", c.ready},
            {"settings", settings},
            {"sign_in_notice", state.sign_in.notice},
            {"rewards", rewards},
            {"leaderboard", leaderboard},
            {"profile", profile},
            {"dashboard", dashboard_rewards},
            {"prizes", state.screen == client::Screen::Prizes && state.prizes.prizes
                           ? nlohmann::json({{"current", state.prizes.prizes->current.size()},
                                             {"past", state.prizes.prizes->past.size()}})
                           : nlohmann::json()},
            {"contributions", state.screen == client::Screen::Contributions
                                  ? nlohmann::json(state.contributions.items.size())
                                  : nlohmann::json()},
            {"screen", client::to_string(state.screen)},
            {"sign_in_mode", client::to_string(state.sign_in.mode)},
            {"signed_in_as", state.account ? nlohmann::json(state.account->id) : nlohmann::json()},
            {"lang", state.lang},
            {"dashboard_loaded", state.dashboard.loaded},
            {"task", task},
            {"theme", client::to_string(state.theme)},
            {"focused", ui::focused_widget().empty() ? nlohmann::json()
                                                     : nlohmann::json(ui::focused_widget())},
            {"connection", client::to_string(state.connection)},
            {"server_version", state.server_version},
            {"device_pixel_ratio", c.fonts_dpr}};
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
    return 0;
}
