#include "ui/sign_in_card.h"

#include "ui/account_fields.h"
#include "ui/fonts.h"
#include "ui/text_field.h"
#include "ui/theme.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

#include <string>

namespace orchard::ui {

namespace {

const char* provider_name(const std::string& id) {
    if (id == "discord") return "Discord";
    return nullptr;
}

// A labelled field: the label above, the field at the card's inner width.
TextFieldResult labelled_field(const char* label, const char* id, std::string& text, float width,
                               TextFieldOptions options) {
    field_label(label);
    options.label = label;
    return text_field(id, text, ImVec2(width, 0), options);
}

void draw_choices(client::App& app, float inner) {
    const auto& state = app.state();
    muted_text("Create an account to keep your points and come back later, or just start as a "
               "guest: you can add a username and password to a guest account at any time.");
    ImGui::Dummy(ImVec2(0, 2));
    if (primary_button("Create an account", "choose_register", inner))
        app.show_sign_in(client::SignInMode::Register);
    if (secondary_button("Continue as guest", "choose_guest", inner))
        app.show_sign_in(client::SignInMode::Guest);
    if (secondary_button("I have an account: sign in", "choose_login", inner))
        app.show_sign_in(client::SignInMode::Login);
    if (secondary_button("E-mail me a sign-in link", "choose_email", inner))
        app.show_sign_in(client::SignInMode::Email);
    for (const auto& id : state.sign_in.providers) {
        const char* name = provider_name(id);
        const std::string label = std::string("Sign in with ") + (name ? name : id.c_str());
        const std::string widget_id = "oauth_" + id;
        if (secondary_button(label.c_str(), widget_id.c_str(), inner)) app.start_oauth(id);
    }
}

// The form's primary action and "Back", side by side (stacked on phones).
bool form_buttons(client::App& app, const char* action, const char* id, float inner, bool ready) {
    const bool busy = app.state().sign_in.busy;
    const char* label = busy ? "Please wait…" : action;
    const float back_w = button_width("Back");
    const bool narrow = inner < 360;
    const float action_w = narrow ? inner : inner - back_w - 12;
    const bool pressed =
        disabled_if(busy || !ready, [&] { return primary_button(label, id, action_w); });
    if (!narrow) ImGui::SameLine(0, 12);
    if (secondary_button("Back", "sign_in_back", narrow ? inner : back_w))
        app.show_sign_in(client::SignInMode::Choose);
    return pressed && ready && !busy;
}

void draw_register(client::App& app, double now, float inner) {
    client::SignInForm& f = app.forms().sign_in;
    heading_text("Create your account");
    bool submit = false;
    submit |= labelled_field("Username", "register_username", f.username, inner,
                             {.kind = TextFieldKind::SingleLine,
                              .placeholder = "letters, digits, . _ -",
                              .max_chars = kUsernameMaxChars,
                              .autofocus = true,
                              .autocomplete = "username"})
                  .submit;
    submit |= labelled_field("Display name", "register_display_name", f.display_name, inner,
                             {.kind = TextFieldKind::SingleLine,
                              .placeholder = "shown on leaderboards",
                              .max_chars = kDisplayNameMaxChars,
                              .autocomplete = "nickname"})
                  .submit;
    submit |= labelled_field("Password", "register_password", f.password, inner,
                             {.kind = TextFieldKind::Password,
                              .placeholder = new_password_hint(),
                              .max_chars = kPasswordMaxChars,
                              .autocomplete = "new-password"})
                  .submit;
    const bool ready = !f.username.empty() && !f.display_name.empty() && !f.password.empty();
    if (form_buttons(app, "Create account", "register_submit", inner, ready) || (submit && ready))
        app.register_account(f.username, f.display_name, f.password, now);
}

void draw_login(client::App& app, double now, float inner) {
    client::SignInForm& f = app.forms().sign_in;
    heading_text("Sign in");
    bool submit = false;
    submit |= labelled_field("Username", "login_username", f.username, inner,
                             {.kind = TextFieldKind::SingleLine,
                              .max_chars = kUsernameMaxChars,
                              .autofocus = true,
                              .autocomplete = "username"})
                  .submit;
    submit |= labelled_field("Password", "login_password", f.password, inner,
                             {.kind = TextFieldKind::Password,
                              .max_chars = kPasswordMaxChars,
                              .autocomplete = "current-password"})
                  .submit;
    const bool ready = !f.username.empty() && !f.password.empty();
    if (form_buttons(app, "Sign in", "login_submit", inner, ready) || (submit && ready))
        app.login(f.username, f.password, now);
}

void draw_guest(client::App& app, double now, float inner) {
    client::SignInForm& f = app.forms().sign_in;
    heading_text("Continue as a guest");
    muted_text("Only a name is needed. Your points are kept in this browser's session; add a "
               "username and password later to keep them for good.");
    const bool submit = labelled_field("Display name", "guest_display_name", f.display_name, inner,
                                       {.kind = TextFieldKind::SingleLine,
                                        .placeholder = "how others see you",
                                        .max_chars = kDisplayNameMaxChars,
                                        .autofocus = true,
                                        .autocomplete = "nickname"})
                            .submit;
    const bool ready = !f.display_name.empty();
    if (form_buttons(app, "Start contributing", "guest_submit", inner, ready) || (submit && ready))
        app.continue_as_guest(f.display_name, now);
}

void draw_email(client::App& app, float inner) {
    client::SignInForm& f = app.forms().sign_in;
    heading_text("Sign in with an e-mail link");
    muted_text("We send you a link that signs you in. It works once, for 15 minutes.");
    const bool submit = labelled_field("E-mail address", "email_address", f.email, inner,
                                       {.kind = TextFieldKind::Email,
                                        .placeholder = "you@example.org",
                                        .max_chars = 254,
                                        .autofocus = true,
                                        .autocomplete = "email"})
                            .submit;
    const bool ready = f.email.find('@') != std::string::npos;
    if (form_buttons(app, "Send me a link", "email_submit", inner, ready) || (submit && ready))
        app.request_email_link(f.email);
}

void draw_email_sent(client::App& app, float inner) {
    heading_text("Check your inbox");
    const std::string text = "If " + app.state().sign_in.email_sent_to +
                             " belongs to an account, a sign-in link is on its way. Open it in "
                             "this browser within 15 minutes.";
    muted_text(text.c_str());
    widgets().track("email_sent", text);
    if (secondary_button("Back", "sign_in_back", std::min(inner, 200.0f)))
        app.show_sign_in(client::SignInMode::Choose);
}

} // namespace

void draw_sign_in_card(const ScreenInput& input, float width) {
    client::App& app = input.app;
    const float padding = input.compact ? 20 : 32;
    const float inner = width - 2 * padding;
    begin_card(width, padding);
    switch (app.state().sign_in.mode) {
    case client::SignInMode::Choose:
        heading_text("Start contributing");
        draw_choices(app, inner);
        break;
    case client::SignInMode::Register:
        draw_register(app, input.now, inner);
        break;
    case client::SignInMode::Login:
        draw_login(app, input.now, inner);
        break;
    case client::SignInMode::Guest:
        draw_guest(app, input.now, inner);
        break;
    case client::SignInMode::Email:
        draw_email(app, inner);
        break;
    case client::SignInMode::EmailSent:
        draw_email_sent(app, inner);
        break;
    }
    if (!app.state().sign_in.problem.empty()) {
        problem_text(app.state().sign_in.problem.c_str());
        widgets().track("sign_in_problem", app.state().sign_in.problem);
    }
    end_card();
}

} // namespace orchard::ui
