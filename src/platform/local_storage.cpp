#include "platform/local_storage.h"
#include "platform/js_string.h"

#include <cstdlib>
#include <emscripten/emscripten.h>

namespace orchard::platform {

namespace {

// JavaScript: kept away from clang-format, which would split operators like !==.
// clang-format off
// In a frame denied its own storage, the host page's copy (platform/embed_host.h) stands in:
// read from Module.orchardHostStore, each change also sent to the host.
EM_JS(char*, js_storage_get, (const char* key), {
    let value = null;
    try { value = window.localStorage.getItem(UTF8ToString(key)); }
    catch (e) {
        value = Module.orchardHostStore ? Module.orchardHostStore.get(UTF8ToString(key)) : null;
        if (value === undefined) value = null;
    }
    if (value === null) return 0;
    const bytes = lengthBytesUTF8(value) + 1;
    const pointer = _malloc(bytes);
    stringToUTF8(value, pointer, bytes);
    return pointer;
});

// Storage can be full, or disabled (private modes, embedding policies): report, don't throw.
EM_JS(int, js_storage_set, (const char* key, const char* value), {
    try { window.localStorage.setItem(UTF8ToString(key), UTF8ToString(value)); return 1; }
    catch (e) {
        if (!Module.orchardHostStore) return 0;
        Module.orchardHostStore.set(UTF8ToString(key), UTF8ToString(value));
        Module.orchardTellHost({ type: "storage_set", key: UTF8ToString(key), value: UTF8ToString(value) });
        return 1;
    }
});

EM_JS(void, js_storage_remove, (const char* key), {
    try { window.localStorage.removeItem(UTF8ToString(key)); }
    catch (e) {
        if (!Module.orchardHostStore) return;
        Module.orchardHostStore.delete(UTF8ToString(key));
        Module.orchardTellHost({ type: "storage_remove", key: UTF8ToString(key) });
    }
});
// Both of the page's storages, and the host's copy of an embedded frame's.
EM_JS(void, js_storage_clear, (), {
    try { window.localStorage.clear(); } catch (e) {}
    try { window.sessionStorage.clear(); } catch (e) {}
    if (Module.orchardHostStore) {
        for (const key of Module.orchardHostStore.keys())
            Module.orchardTellHost({ type: "storage_remove", key: key });
        Module.orchardHostStore.clear();
    }
});
// clang-format on

} // namespace

std::optional<std::string> LocalStorage::get(const std::string& key) const {
    char* pointer = js_storage_get(key.c_str());
    if (!pointer) return std::nullopt;
    return take_js_string(pointer);
}

bool LocalStorage::set(const std::string& key, const std::string& value) {
    return js_storage_set(key.c_str(), value.c_str()) != 0;
}

void LocalStorage::remove(const std::string& key) {
    js_storage_remove(key.c_str());
}

void LocalStorage::clear() {
    js_storage_clear();
}

} // namespace orchard::platform
