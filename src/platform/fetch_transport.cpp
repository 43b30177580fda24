#include "platform/fetch_transport.h"

#include "platform/frame_scheduler.h"

#include <cstring>
#include <emscripten/fetch.h>
#include <memory>
#include <vector>

namespace orchard::platform {

namespace {

constexpr unsigned long kTimeoutMs = 15000;

// Everything a request in flight needs, kept alive until its callback runs.
struct InFlight {
    client::HttpRequest request;
    std::vector<const char*> header_pointers; // name, value, ..., nullptr
    std::function<void(client::HttpResult)> done;
};

void finish(emscripten_fetch_t* fetch) {
    std::unique_ptr<InFlight> in_flight(static_cast<InFlight*>(fetch->userData));
    client::HttpResult result;
    result.status = fetch->status; // 0 when no HTTP answer came (network error, timeout)
    if (fetch->data && fetch->numBytes > 0)
        result.body.assign(fetch->data, static_cast<size_t>(fetch->numBytes));
    emscripten_fetch_close(fetch);
    in_flight->done(std::move(result));
    request_frame();
}

} // namespace

void FetchTransport::send(client::HttpRequest request,
                          std::function<void(client::HttpResult)> done) {
    auto in_flight = std::make_unique<InFlight>(InFlight{std::move(request), {}, std::move(done)});
    for (const auto& [name, value] : in_flight->request.headers) {
        in_flight->header_pointers.push_back(name.c_str());
        in_flight->header_pointers.push_back(value.c_str());
    }
    if (!in_flight->request.body.empty()) {
        in_flight->header_pointers.push_back("Content-Type");
        in_flight->header_pointers.push_back("application/json");
    }
    in_flight->header_pointers.push_back(nullptr);

    emscripten_fetch_attr_t attr;
    emscripten_fetch_attr_init(&attr);
    std::strncpy(attr.requestMethod, in_flight->request.method.c_str(),
                 sizeof attr.requestMethod - 1);
    attr.attributes = EMSCRIPTEN_FETCH_LOAD_TO_MEMORY;
    attr.timeoutMSecs = kTimeoutMs;
    attr.requestHeaders = in_flight->header_pointers.data();
    if (!in_flight->request.body.empty()) {
        attr.requestData = in_flight->request.body.data();
        attr.requestDataSize = in_flight->request.body.size();
    }
    attr.onsuccess = finish;
    attr.onerror = finish; // non-2xx answers arrive here too, with their status and body
    attr.userData = in_flight.get();
    const std::string url = in_flight->request.path;
    in_flight.release(); // owned by the fetch until finish()
    emscripten_fetch(&attr, url.c_str());
}

} // namespace orchard::platform
