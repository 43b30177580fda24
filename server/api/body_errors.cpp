#include "server/api/body_errors.h"

#include "protocol/utf8.h"

#include <nlohmann/json.hpp>
#include <vector>

namespace orchard::api {

namespace {

// Follows the parse to where it fails: the field path of the value being read then.
class FieldTracker : public nlohmann::json_sax<nlohmann::json> {
  public:
    // The field whose value (or name, when `in_name`) the parse failed in; empty at the top.
    std::string path;
    bool in_name = false;

    bool null() override { return value_done(); }
    bool boolean(bool) override { return value_done(); }
    bool number_integer(number_integer_t) override { return value_done(); }
    bool number_unsigned(number_unsigned_t) override { return value_done(); }
    bool number_float(number_float_t, const string_t&) override { return value_done(); }
    bool string(string_t&) override { return value_done(); }
    bool binary(binary_t&) override { return value_done(); }
    bool start_object(std::size_t) override {
        levels_.push_back({true, "", 0, false});
        return true;
    }
    bool key(string_t& name) override {
        levels_.back().name = name;
        levels_.back().awaiting_value = true;
        return true;
    }
    bool end_object() override {
        levels_.pop_back();
        return value_done();
    }
    bool start_array(std::size_t) override {
        levels_.push_back({false, "", 0, true});
        return true;
    }
    bool end_array() override {
        levels_.pop_back();
        return value_done();
    }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
        in_name = !levels_.empty() && levels_.back().is_object && !levels_.back().awaiting_value;
        for (std::size_t i = 0; i < levels_.size(); ++i) {
            const Level& level = levels_[i];
            const bool last = i + 1 == levels_.size();
            if (last && in_name) break;
            if (level.is_object)
                path += (path.empty() ? "" : ".") + level.name;
            else
                path += "[" + std::to_string(level.index) + "]";
        }
        return false;
    }

  private:
    struct Level {
        bool is_object;
        std::string name;    // an object's field being read
        std::size_t index;   // an array's element being read
        bool awaiting_value; // an object's: a name was read, its value not yet
    };

    bool value_done() {
        if (!levels_.empty()) {
            levels_.back().awaiting_value = !levels_.back().is_object;
            if (!levels_.back().is_object) ++levels_.back().index;
        }
        return true;
    }

    std::vector<Level> levels_;
};

} // namespace

std::string invalid_body_message(std::string_view body) {
    if (protocol::is_valid_utf8(body)) return "The request body is not valid JSON.";
    FieldTracker tracker;
    nlohmann::json::sax_parse(body.begin(), body.end(), &tracker);
    if (tracker.path.empty())
        return tracker.in_name ? "A field name in the request body must be UTF-8 text."
                               : "The request body must be UTF-8 text.";
    return tracker.in_name ? "A field name in " + tracker.path + " must be UTF-8 text."
                           : tracker.path + " must be UTF-8 text.";
}

} // namespace orchard::api
