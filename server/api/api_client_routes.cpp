#include "server/api/api_client_routes.h"

#include "server/api/api_keys.h"
#include "server/domain/domain_error.h"
#include "server/domain/ids.h"
#include "server/domain/optional_json.h"
#include "server/domain/request_fields.h"

namespace orchard::api::api_clients {

namespace {

constexpr std::size_t kMaxDescriptionBytes = 200;

nlohmann::json client_json(const store::ApiClientListing& listing) {
    const auto& c = listing.client;
    return {{"id", c.id},
            {"description", c.description},
            {"enabled", c.enabled},
            {"trusted", c.trusted},
            {"frontend_type", domain::optional_json(c.frontend_type)},
            {"admin_email", domain::optional_json(listing.admin_email)},
            {"created_date", domain::iso8601(listing.created_ms)},
            {"users", listing.users}};
}

void check_description(const std::string& description) {
    if (description.find_first_not_of(" \t\r\n") == std::string::npos)
        throw domain::bad_input("description is required: say which frontend the key is for.");
    if (description.size() > kMaxDescriptionBytes)
        throw domain::bad_input("description is longer than " +
                                std::to_string(kMaxDescriptionBytes) + " bytes.");
}

store::ApiClientListing existing(Call& call) {
    auto listing = call.store().find_api_client(call.param("client_id"));
    if (!listing)
        throw domain::refusal(404, "There is no API client " + call.param("client_id") + ".");
    return *listing;
}

} // namespace

http::Response list(Call& call) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& listing : call.store().api_clients())
        items.push_back(client_json(listing));
    return http::Response::json(200, {{"items", items}});
}

http::Response create(Call& call) {
    const domain::RequestFields fields(call.body);
    store::ApiClientRecord client;
    client.id = domain::new_uuid();
    client.description = fields.string_or("description");
    client.trusted = fields.bool_or("trusted", false);
    if (fields.has("frontend_type")) client.frontend_type = fields.string_or("frontend_type");
    fields.raise_problem();
    check_description(client.description);
    const std::string key = new_api_key();
    call.store().insert_api_client(client, hash_api_key(key));
    const auto listing = client_json(*call.store().find_api_client(client.id));
    call.audit({"api_client.add", "api_client", client.id, nullptr, listing});
    return http::Response::json(201, {{"client", listing}, {"api_key", key}});
}

http::Response change(Call& call) {
    const auto before = existing(call);
    const domain::RequestFields fields(call.body);
    store::ApiClientRecord client = before.client;
    if (fields.has("description")) client.description = fields.string_or("description");
    if (fields.has("enabled")) client.enabled = fields.bool_or("enabled", true);
    if (fields.has("trusted")) client.trusted = fields.bool_or("trusted", false);
    if (fields.has("frontend_type")) client.frontend_type = fields.string_or("frontend_type");
    fields.raise_problem();
    check_description(client.description);
    // The key this call came with stays able to undo what it does.
    if (client.id == call.caller.client.id && (!client.enabled || !client.trusted))
        throw domain::bad_input("The key of this request cannot disable or untrust itself; use "
                                "another admin's key or session.");
    call.store().update_api_client(client);
    const auto after = client_json(*call.store().find_api_client(client.id));
    call.audit({"api_client.change", "api_client", client.id, client_json(before), after});
    return http::Response::json(200, after);
}

http::Response rotate(Call& call) {
    const auto listing = existing(call);
    const std::string key = new_api_key();
    call.store().set_api_client_key_hash(listing.client.id, hash_api_key(key));
    // The log says that the key changed, never what it is.
    call.audit(
        {"api_client.rotate", "api_client", listing.client.id, nullptr, {{"rotated", true}}});
    return http::Response::json(200, {{"client", client_json(listing)}, {"api_key", key}});
}

} // namespace orchard::api::api_clients
