#include "ui/sign_in_card.h"

#include "i18n/translator.h"
#include "ui/account_fields.h"
#include "ui/fonts.h"
#include "ui/text_field.h"
#include "ui/theme.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

#include <string>

namespace orchard::ui {

using i18n::tr;

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
    muted_text(tr("sign_in.choose.intro"));
    ImGui::Dummy(ImVec2(0, 2));
    if (primary_button(tr("sign_in.choose.register"), "choose_register", inner))
        app.show_sign_in(client::SignInMode::Register);
    if (secondary_button(tr("sign_in.choose.guest"), "choose_guest", inner))
        app.show_sign_in(client::SignInMode::Guest);
    if (secondary_button(tr("sign_in.choose.login"), "choose_login", inner))
        app.show_sign_in(client::SignInMode::Login);
    if (secondary_button(tr("sign_in.choose.email"), "choose_email", inner))
        app.show_sign_in(client::SignInMode::Email);
    for (const auto& id : state.sign_in.providers) {
        const char* name = provider_name(id);
        const std::string label =
            tr("sign_in.choose.provider", {{"provider", name ? std::string(name) : id}});
        const std::string widget_id = "oauth_" + id;
        if (secondary_button(label.c_str(), widget_id.c_str(), inner)) app.start_oauth(id);
    }
}

// The form's primary action and "Back", side by side (stacked on phones).
bool form_buttons(client::App& app, const char* action, const char* id, float inner, bool ready) {
    const bool busy = app.state().sign_in.busy;
    const char* label = busy ? tr("sign_in.please_wait") : action;
    const float back_w = button_width(tr("sign_in.back"));
    const bool narrow = inner < 360;
    const float action_w = narrow ? inner : inner - back_w - 12;
    const bool pressed =
        disabled_if(busy || !ready, [&] { return primary_button(label, id, action_w); });
    if (!narrow) ImGui::SameLine(0, 12);
    if (secondary_button(tr("sign_in.back"), "sign_in_back", narrow ? inner : back_w))
        app.show_sign_in(client::SignInMode::Choose);
    return pressed && ready && !busy;
}

void draw_register(client::App& app, double now, float inner) {
    client::SignInForm& f = app.forms().sign_in;
    heading_text(tr("sign_in.register.title"));
    bool submit = false;
    submit |= labelled_field(tr("sign_in.username"), "register_username", f.username, inner,
                             {.kind = TextFieldKind::SingleLine,
                              .placeholder = tr("sign_in.register.username_placeholder"),
                              .max_chars = kUsernameMaxChars,
                              .autofocus = true,
                              .autocomplete = "username"})
                  .submit;
    submit |=
        labelled_field(tr("sign_in.display_name"), "register_display_name", f.display_name, inner,
                       {.kind = TextFieldKind::SingleLine,
                        .placeholder = tr("sign_in.register.display_name_placeholder"),
                        .max_chars = kDisplayNameMaxChars,
                        .autocomplete = "nickname"})
            .submit;
    submit |= labelled_field(tr("sign_in.password"), "register_password", f.password, inner,
                             {.kind = TextFieldKind::Password,
                              .placeholder = new_password_hint(),
                              .max_chars = kPasswordMaxChars,
                              .autocomplete = "new-password"})
                  .submit;
    const bool ready = !f.username.empty() && !f.display_name.empty() && !f.password.empty();
    if (form_buttons(app, tr("sign_in.register.submit"), "register_submit", inner, ready) ||
        (submit && ready))
        app.register_account(f.username, f.display_name, f.password, now);
}

void draw_login(client::App& app, double now, float inner) {
    client::SignInForm& f = app.forms().sign_in;
    heading_text(tr("sign_in.login.title"));
    bool submit = false;
    submit |= labelled_field(tr("sign_in.username"), "login_username", f.username, inner,
                             {.kind = TextFieldKind::SingleLine,
                              .max_chars = kUsernameMaxChars,
                              .autofocus = true,
                              .autocomplete = "username"})
                  .submit;
    submit |= labelled_field(tr("sign_in.password"), "login_password", f.password, inner,
                             {.kind = TextFieldKind::Password,
                              .max_chars = kPasswordMaxChars,
                              .autocomplete = "current-password"})
                  .submit;
    const bool ready = !f.username.empty() && !f.password.empty();
    if (form_buttons(app, tr("sign_in.login.submit"), "login_submit", inner, ready) ||
        (submit && ready))
        app.login(f.username, f.password, now);
}

void draw_guest(client::App& app, double now, float inner) {
    client::SignInForm& f = app.forms().sign_in;
    heading_text(tr("sign_in.guest.title"));
    muted_text(tr("sign_in.guest.intro"));
    const bool submit =
        labelled_field(tr("sign_in.display_name"), "guest_display_name", f.display_name, inner,
                       {.kind = TextFieldKind::SingleLine,
                        .placeholder = tr("sign_in.guest.display_name_placeholder"),
                        .max_chars = kDisplayNameMaxChars,
                        .autofocus = true,
                        .autocomplete = "nickname"})
            .submit;
    const bool ready = !f.display_name.empty();
    if (form_buttons(app, tr("sign_in.guest.submit"), "guest_submit", inner, ready) ||
        (submit && ready))
        app.continue_as_guest(f.display_name, now);
}

void draw_email(client::App& app, float inner) {
    client::SignInForm& f = app.forms().sign_in;
    heading_text(tr("sign_in.email.title"));
    muted_text(tr("sign_in.email.intro"));
    const bool submit = labelled_field(tr("sign_in.email.address"), "email_address", f.email, inner,
                                       {.kind = TextFieldKind::Email,
                                        .placeholder = tr("sign_in.email.address_placeholder"),
                                        .max_chars = 254,
                                        .autofocus = true,
                                        .autocomplete = "email"})
                            .submit;
    const bool ready = f.email.find('@') != std::string::npos;
    if (form_buttons(app, tr("sign_in.email.submit"), "email_submit", inner, ready) ||
        (submit && ready))
        app.request_email_link(f.email);
}

void draw_email_sent(client::App& app, float inner) {
    heading_text(tr("sign_in.email_sent.title"));
    const std::string text =
        tr("sign_in.email_sent.text", {{"email", app.state().sign_in.email_sent_to}});
    muted_text(text.c_str());
    widgets().track("email_sent", text);
    if (secondary_button(tr("sign_in.back"), "sign_in_back", std::min(inner, 200.0f)))
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
        heading_text(tr("sign_in.choose.title"));
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
    if (const std::string& event = app.state().kiosk.refused; !event.empty()) {
        const std::string refused = tr("kiosk.not_allowed", {{"event", event}});
        problem_text(refused.c_str());
        widgets().track("kiosk_refused", refused);
    }
    end_card();
}

} // namespace orchard::ui
